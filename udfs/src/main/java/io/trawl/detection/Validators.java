package io.trawl.detection;

import io.trawl.TrawlErrors;
import io.trawl.detection.finders.AddressFinder;
import io.trawl.detection.finders.NameFinder;
import io.trawl.detection.validators.ArgentinaCuitValidator;
import io.trawl.detection.validators.AustraliaTfnValidator;
import io.trawl.detection.validators.AwsSecretKeyValidator;
import io.trawl.detection.validators.BasicAuthValidator;
import io.trawl.detection.validators.BrazilCnpjValidator;
import io.trawl.detection.validators.BrazilCpfValidator;
import io.trawl.detection.validators.CanadaSinValidator;
import io.trawl.detection.validators.ChileRutValidator;
import io.trawl.detection.validators.ColombiaNitValidator;
import io.trawl.detection.validators.CreditCardValidator;
import io.trawl.detection.validators.FranceBankAccountValidator;
import io.trawl.detection.validators.FranceNirValidator;
import io.trawl.detection.validators.FranceTaxIdValidator;
import io.trawl.detection.validators.GermanyBankAccountValidator;
import io.trawl.detection.validators.GermanyIdCardValidator;
import io.trawl.detection.validators.GermanyTaxIdValidator;
import io.trawl.detection.validators.GithubTokenValidator;
import io.trawl.detection.validators.IbanValidator;
import io.trawl.detection.validators.IndiaPanValidator;
import io.trawl.detection.validators.IpAddressValidator;
import io.trawl.detection.validators.ItalyBankAccountValidator;
import io.trawl.detection.validators.ItalyCodiceFiscaleValidator;
import io.trawl.detection.validators.JwtValidator;
import io.trawl.detection.validators.LuhnValidator;
import io.trawl.detection.validators.MagneticStripeValidator;
import io.trawl.detection.validators.MexicoCurpValidator;
import io.trawl.detection.validators.MexicoRfcValidator;
import io.trawl.detection.validators.NonTrivialDigitsValidator;
import io.trawl.detection.validators.NpmTokenValidator;
import io.trawl.detection.validators.PasswordValueValidator;
import io.trawl.detection.validators.SpainBankAccountValidator;
import io.trawl.detection.validators.SpainCifValidator;
import io.trawl.detection.validators.SpainDniValidator;
import io.trawl.detection.validators.SpainNieValidator;
import io.trawl.detection.validators.SpainNifValidator;
import io.trawl.detection.validators.SpainSsnValidator;
import io.trawl.detection.validators.UkBankAccountValidator;
import io.trawl.detection.validators.UkNhsNumberValidator;
import io.trawl.detection.validators.UkNinoValidator;
import io.trawl.detection.validators.UkUtrValidator;
import io.trawl.detection.validators.UsDeaNumberValidator;
import io.trawl.detection.validators.UsItinValidator;
import io.trawl.detection.validators.UsNpiValidator;
import io.trawl.detection.validators.UsSsnValidator;
import io.trawl.detection.validators.VerhoeffValidator;
import io.trawl.detection.validators.VinValidator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of validators and finders by name (one immutable map each). */
public final class Validators {
  private static final Map<String, Validator> VALIDATORS =
      List.<Validator>of(
              new ArgentinaCuitValidator(),
              new AustraliaTfnValidator(),
              new AwsSecretKeyValidator(),
              new BasicAuthValidator(),
              new BrazilCnpjValidator(),
              new BrazilCpfValidator(),
              new CanadaSinValidator(),
              new ChileRutValidator(),
              new ColombiaNitValidator(),
              new CreditCardValidator(),
              new FranceBankAccountValidator(),
              new FranceNirValidator(),
              new FranceTaxIdValidator(),
              new GermanyBankAccountValidator(),
              new GermanyIdCardValidator(),
              new GermanyTaxIdValidator(),
              new GithubTokenValidator(),
              new IbanValidator(),
              new IndiaPanValidator(),
              new IpAddressValidator(),
              new ItalyBankAccountValidator(),
              new ItalyCodiceFiscaleValidator(),
              new JwtValidator(),
              new LuhnValidator(),
              new MagneticStripeValidator(),
              new MexicoCurpValidator(),
              new MexicoRfcValidator(),
              new NonTrivialDigitsValidator(),
              new NpmTokenValidator(),
              new PasswordValueValidator(),
              new SpainBankAccountValidator(),
              new SpainCifValidator(),
              new SpainDniValidator(),
              new SpainNieValidator(),
              new SpainNifValidator(),
              new SpainSsnValidator(),
              new UkBankAccountValidator(),
              new UkNhsNumberValidator(),
              new UkNinoValidator(),
              new UkUtrValidator(),
              new UsDeaNumberValidator(),
              new UsItinValidator(),
              new UsNpiValidator(),
              new UsSsnValidator(),
              new VerhoeffValidator(),
              new VinValidator())
          .stream()
          .collect(Collectors.toUnmodifiableMap(Validator::name, Function.identity()));

  private static final Map<String, MatchFinder> FINDERS =
      Map.of("NAME", NameFinder.instance(), "ADDRESS", AddressFinder.instance());

  private Validators() {}

  /** The validator registered as {@code name}; a user error naming the known ones otherwise. */
  public static Validator validator(String name) {
    Validator v = VALIDATORS.get(name);
    if (v == null) {
      throw TrawlErrors.unknownIdentifier("validator", name, "known: " + VALIDATORS.keySet());
    }
    return v;
  }

  /** The finder registered as {@code name}; a user error naming the known ones otherwise. */
  public static MatchFinder finder(String name) {
    MatchFinder f = FINDERS.get(name);
    if (f == null) {
      throw TrawlErrors.unknownIdentifier("finder", name, "known: " + FINDERS.keySet());
    }
    return f;
  }

  /** Names of all registered validators. */
  public static java.util.Set<String> validatorNames() {
    return VALIDATORS.keySet();
  }

  /** Names of all registered finders. */
  public static java.util.Set<String> finderNames() {
    return FINDERS.keySet();
  }
}
