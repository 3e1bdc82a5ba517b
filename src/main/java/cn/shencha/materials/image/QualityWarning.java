package cn.shencha.materials.image;

/** Quality hints about an accepted image; the candidate sees them, they never refuse the upload. */
public enum QualityWarning {
    /** The short side is below the readable size (600 px by default). */
    TOO_SMALL,
    /** The picture is probably out of focus or shaken. */
    BLURRY
}
