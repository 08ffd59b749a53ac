package io.trawl.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK posture reader against {@link PostureApiStandIn} (three buckets, one per case). */
class SdkPostureReaderTest {
  static final String OWNER = PostureApiStandIn.OWNER;

  private PostureApiStandIn standIn;

  @BeforeEach
  void start() throws IOException {
    standIn = PostureApiStandIn.start();
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  private SdkPostureReader reader() {
    return SdkPostureReader.create(
        "us-east-1", standIn.endpoint(), "test-key", "test-secret", Set.of());
  }

  @Test
  void readsEverySettingOfAConfiguredBucket() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture web =
          reader.read(List.of(new PostureReader.BucketRef("web", OWNER))).postures().get("web");
      assertThat(web.source()).isEqualTo("api");
      assertThat(web.region()).isEqualTo("eu-west-1");
      assertThat(web.accountBlockPublicAccess())
          .isEqualTo(new BlockPublicAccess(true, true, false, false));
      assertThat(web.bucketBlockPublicAccess()).isEqualTo(BlockPublicAccess.NONE);
      assertThat(web.policyIsPublic()).isTrue();
      assertThat(web.policy().publicRead()).isTrue();
      assertThat(web.aclGrants()).anyMatch(BucketPosture.Grant::isPublic);
      assertThat(web.objectOwnership()).isEqualTo("ObjectWriter");
      assertThat(web.defaultEncryption()).isEqualTo("aws:kms");
      assertThat(web.kmsMasterKeyId()).endsWith(":key/k1");
      assertThat(web.versioning()).isEqualTo("Enabled");
      assertThat(web.loggingEnabled()).isTrue();
      assertThat(web.replicationDestinations())
          .containsExactly(
              new BucketPosture.ReplicationDestination(
                  "arn:aws:s3:::partner-copy", "999988887777"));
      assertThat(web.tags()).containsEntry("team", "web");

      PostureAssessment a = PostureAssessment.of(web, Set.of());
      // The account ignores public ACLs, but the public policy is not restricted.
      assertThat(a.effectivePermission()).isEqualTo("PUBLIC");
      assertThat(a.exposureReasons()).contains("public read through the bucket policy");
      assertThat(a.policyFindings())
          .contains(
              PolicyFindingType.PUBLIC,
              PolicyFindingType.BLOCK_PUBLIC_ACCESS_DISABLED,
              PolicyFindingType.REPLICATED_EXTERNALLY);
    }
    assertThat(standIn.requests())
        .anyMatch(r -> r.startsWith("/v20180820/configuration/publicAccessBlock"));
  }

  @Test
  void notConfiguredSettingsTakeTheirUnconfiguredValues() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture plain =
          reader.read(List.of(new PostureReader.BucketRef("plain", OWNER))).postures().get("plain");
      assertThat(plain.region()).isEqualTo("us-east-1");
      assertThat(plain.bucketBlockPublicAccess()).isEqualTo(BlockPublicAccess.NONE);
      assertThat(plain.policyIsPublic()).isFalse();
      assertThat(plain.policy()).isEqualTo(BucketPolicy.NONE);
      assertThat(plain.defaultEncryption()).isEqualTo("NONE");
      assertThat(plain.versioning()).isEqualTo("Disabled");
      assertThat(plain.loggingEnabled()).isFalse();
      assertThat(plain.objectOwnership()).isEqualTo("ObjectWriter");
      assertThat(plain.replicationDestinations()).isEmpty();
      assertThat(plain.tags()).isEmpty();
      PostureAssessment a = PostureAssessment.of(plain, Set.of());
      assertThat(a.effectivePermission()).isEqualTo("NOT_PUBLIC");
      assertThat(a.sharedAccess()).isEqualTo("NOT_SHARED");
      assertThat(a.policyFindings())
          .containsExactlyInAnyOrder(
              PolicyFindingType.BLOCK_PUBLIC_ACCESS_DISABLED,
              PolicyFindingType.ENCRYPTION_DISABLED);
    }
  }

  @Test
  void deniedCallsMakeSettingsUnknownNotErrors() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture locked =
          reader
              .read(List.of(new PostureReader.BucketRef("locked", OWNER)))
              .postures()
              .get("locked");
      assertThat(locked.bucketBlockPublicAccess()).isNull();
      assertThat(locked.policy()).isNull();
      assertThat(locked.aclGrants()).isNull();
      assertThat(locked.defaultEncryption()).isNull();
      PostureAssessment a = PostureAssessment.of(locked, Set.of());
      assertThat(a.effectivePermission()).isEqualTo("UNKNOWN");
      assertThat(a.sharedAccess()).isEqualTo("UNKNOWN");
      assertThat(a.allowsUnencryptedObjectUploads()).isEqualTo("UNKNOWN");
      assertThat(a.policyFindings()).isEmpty();
      assertThat(Map.of("exposure", a.exposureScore())).containsEntry("exposure", 35);
    }
  }
}
