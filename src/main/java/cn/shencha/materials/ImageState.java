package cn.shencha.materials;

/**
 * ACTIVE: the current image in its slot. REPLACED: kept in the material's history after a supplement
 * replaced it. PURGED: its file was deleted by a retention purge (cn.shencha.retention); the row stays, for the
 * counts, and is never shown or served. Whether an image is locked is not stored: {@link MaterialLockPolicy} derives it from the
 * candidate's phase, the deadlines and the reviewers' unlocks, so it holds the moment a deadline passes.
 */
public enum ImageState {
    ACTIVE,
    REPLACED,
    PURGED
}
