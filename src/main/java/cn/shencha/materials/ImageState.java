package cn.shencha.materials;

/**
 * ACTIVE: the current image in its slot. REPLACED: kept in the material's history after a supplement
 * replaced it. Whether an image is locked is not stored: {@link MaterialLockPolicy} derives it from the
 * candidate's phase, the deadlines and the reviewers' unlocks, so it holds the moment a deadline passes.
 */
public enum ImageState {
    ACTIVE,
    REPLACED
}
