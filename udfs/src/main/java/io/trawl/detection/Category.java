package io.trawl.detection;

/** Macie's sensitive data categories ({@code SensitiveDataItem.category}). PHI is personal. */
public enum Category {
  CREDENTIALS("SensitiveData:S3Object/Credentials"),
  FINANCIAL_INFORMATION("SensitiveData:S3Object/Financial"),
  PERSONAL_INFORMATION("SensitiveData:S3Object/Personal"),
  CUSTOM_IDENTIFIER("SensitiveData:S3Object/CustomIdentifier");

  /** Finding type when more than one category is present in an object. */
  public static final String MULTIPLE_FINDING_TYPE = "SensitiveData:S3Object/Multiple";

  private final String findingType;

  Category(String findingType) {
    this.findingType = findingType;
  }

  /** The finding type of an object whose detections are all of this category. */
  public String findingType() {
    return findingType;
  }
}
