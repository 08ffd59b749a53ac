package io.trawl.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.jobs.score.BucketPosture.Grant;
import io.trawl.jobs.score.BucketPosture.ReplicationDestination;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: postures in, Macie's derived fields, policy findings and exposure out. */
class PostureAssessmentTest {
  static final String OWNER = "111122223333";
  static final String ORG = "222233334444";
  static final String OTHER = "999988887777";

  static final String PUBLIC_POLICY =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::b/*\"}]}";
  static final String PUBLIC_BUT_VPCE =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\","
          + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":"
          + "{\"aws:SourceVpce\":\"vpce-1\"}}}]}";
  static final String CROSS_ACCOUNT =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::"
          + OTHER
          + ":root\",\"arn:aws:iam::"
          + ORG
          + ":role/reader\"]},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
          + "\"Resource\":\"*\"}]}";
  static final String ORG_ONLY =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
          + ORG
          + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  static final String CLOUDFRONT_OAC =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"},"
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
          + "{\"AWS:SourceArn\":\"arn:aws:cloudfront::"
          + OWNER
          + ":distribution/E1\"}}}]}";
  static final String CLOUDFRONT_OAI_AND_OTHER =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::cloudfront:user/"
          + "CloudFront Origin Access Identity E2\",\""
          + OTHER
          + "\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  static final String REQUIRE_SSE =
      "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
          + "\"Resource\":\"*\",\"Condition\":{\"Null\":{\"s3:x-amz-server-side-encryption\":"
          + "\"true\"}}}]}";

  static final Grant ALL_USERS_READ = new Grant("Group", null, BucketPosture.ALL_USERS, "READ");
  static final Grant AUTH_WRITE =
      new Grant("Group", null, BucketPosture.AUTHENTICATED_USERS, "WRITE");
  static final Grant OWNER_FULL = new Grant("CanonicalUser", "abc", null, "FULL_CONTROL");

  /** A private, encrypted, fully blocked bucket; each case changes a few settings. */
  static BucketPosture.Builder base() {
    return new BucketPosture.Builder("b", OWNER)
        .region("us-east-1")
        .source("file")
        .bpa(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
        .policy(BucketPolicy.NONE)
        .grants(List.of(OWNER_FULL))
        .ownership("BucketOwnerEnforced")
        .encryption("aws:kms")
        .versioning("Enabled")
        .logging(true)
        .replication(List.of())
        .tags(Map.of());
  }

  record Case(
      String name,
      BucketPosture posture,
      String permission,
      String shared,
      String unencrypted,
      List<String> findings,
      int minExposure,
      int maxExposure) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "private and encrypted",
                base().build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of(),
                0,
                0),
            new Case(
                "public policy, nothing blocked",
                base()
                    .bpa(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                    .policy(PUBLIC_POLICY)
                    .build(),
                "PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of(
                    "Policy:IAMUser/S3BlockPublicAccessDisabled", "Policy:IAMUser/S3BucketPublic"),
                90,
                100),
            new Case(
                "public policy restricted by the account",
                base()
                    .bpa(BlockPublicAccess.ALL, BlockPublicAccess.NONE)
                    .policy(PUBLIC_POLICY)
                    .build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BlockPublicAccessDisabled"),
                0,
                0),
            new Case(
                "policy pinned to a VPC endpoint is not public",
                base()
                    .bpa(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                    .policy(PUBLIC_BUT_VPCE)
                    .build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BlockPublicAccessDisabled"),
                10,
                20),
            new Case(
                "public ACL write with ACLs enabled",
                base()
                    .bpa(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                    .ownership("ObjectWriter")
                    .grants(List.of(OWNER_FULL, AUTH_WRITE))
                    .build(),
                "PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of(
                    "Policy:IAMUser/S3BlockPublicAccessDisabled", "Policy:IAMUser/S3BucketPublic"),
                100,
                100),
            new Case(
                "public ACL ignored under BucketOwnerEnforced",
                base()
                    .bpa(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                    .ownership("BucketOwnerEnforced")
                    .grants(List.of(ALL_USERS_READ))
                    .build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BlockPublicAccessDisabled"),
                10,
                20),
            new Case(
                "S3's own policy status wins over the document",
                base()
                    .policyStatus(true)
                    .bpa(BlockPublicAccess.NONE, new BlockPublicAccess(true, true, true, false))
                    .build(),
                "PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketPublic"),
                90,
                100),
            new Case(
                "shared with an external and an organization account",
                base().policy(CROSS_ACCOUNT).build(),
                "NOT_PUBLIC",
                "EXTERNAL",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketSharedExternally"),
                60,
                60),
            new Case(
                "shared inside the organization only",
                base().policy(ORG_ONLY).build(),
                "NOT_PUBLIC",
                "INTERNAL",
                "TRUE",
                List.of(),
                15,
                15),
            new Case(
                "CloudFront OAC only",
                base().policy(CLOUDFRONT_OAC).build(),
                "NOT_PUBLIC",
                "EXTERNAL",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketSharedWithCloudFront"),
                40,
                40),
            new Case(
                "CloudFront OAI plus an external account reports SharedExternally only",
                base().policy(CLOUDFRONT_OAI_AND_OTHER).build(),
                "NOT_PUBLIC",
                "EXTERNAL",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketSharedExternally"),
                60,
                60),
            new Case(
                "policy requires encrypted uploads",
                base().policy(REQUIRE_SSE).build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "FALSE",
                List.of(),
                0,
                0),
            new Case(
                "no default encryption",
                base().encryption("NONE").build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketEncryptionDisabled"),
                10,
                15),
            new Case(
                "replicated to another account",
                base()
                    .replication(List.of(new ReplicationDestination("arn:aws:s3:::dr-copy", OTHER)))
                    .build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of("Policy:IAMUser/S3BucketReplicatedExternally"),
                60,
                65),
            new Case(
                "replicated inside the organization",
                base()
                    .replication(List.of(new ReplicationDestination("arn:aws:s3:::dr-copy", ORG)))
                    .build(),
                "NOT_PUBLIC",
                "NOT_SHARED",
                "TRUE",
                List.of(),
                0,
                0),
            new Case(
                "nothing readable is UNKNOWN, not an error",
                BucketPosture.unknown("b", OWNER),
                "UNKNOWN",
                "UNKNOWN",
                "UNKNOWN",
                List.of(),
                35,
                35))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void derivesMaciesFields(Case c) {
    PostureAssessment a = PostureAssessment.of(c.posture(), Set.of(ORG));
    assertThat(a.effectivePermission()).as("effectivePermission").isEqualTo(c.permission());
    assertThat(a.sharedAccess()).as("sharedAccess").isEqualTo(c.shared());
    assertThat(a.allowsUnencryptedObjectUploads())
        .as("allowsUnencryptedObjectUploads")
        .isEqualTo(c.unencrypted());
    assertThat(a.policyFindings().stream().map(PolicyFindingType::type))
        .as("policy findings")
        .containsExactlyInAnyOrderElementsOf(c.findings());
    assertThat(a.exposureScore()).as("exposure").isBetween(c.minExposure(), c.maxExposure());
    assertThat(a.exposureReasons()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void riskNeverExceedsSensitivityCeilingAndGrowsWithExposure(Case c) {
    PostureAssessment a = PostureAssessment.of(c.posture(), Set.of(ORG));
    SensitivityScore.Result sensitive =
        SensitivityScore.score(
            new SensitivityScore.Profile(
                10,
                1000,
                10,
                0,
                List.of(
                    new SensitivityScore.TypeFound(
                        "CREDIT_CARD_NUMBER", "FINANCIAL_INFORMATION", 10, 500)),
                null));
    RiskScore risk = RiskScore.of(sensitive, a);
    RiskScore privateRisk = RiskScore.of(sensitive, PostureAssessment.of(base().build(), Set.of()));
    assertThat(risk.score()).isBetween(privateRisk.score(), 100);
    assertThat(risk.reasons()).anyMatch(r -> r.contains("objects with CREDIT_CARD_NUMBER"));
    if (a.effectivePermission().equals("PUBLIC")) {
      assertThat(risk.level()).isEqualTo("CRITICAL");
    }
  }

  @org.junit.jupiter.api.Test
  void neverAnalysedPublicBucketIsMediumAndSaysSo() {
    PostureAssessment a =
        PostureAssessment.of(
            base()
                .bpa(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .policy(PUBLIC_POLICY)
                .build(),
            Set.of());
    RiskScore r =
        RiskScore.of(
            SensitivityScore.score(new SensitivityScore.Profile(5, 50, 0, 0, List.of(), null)), a);
    assertThat(r.level()).isEqualTo("MEDIUM");
    assertThat(r.reasons())
        .contains("public read through the bucket policy", "sensitivity 50 (not yet analyzed)");
  }
}
