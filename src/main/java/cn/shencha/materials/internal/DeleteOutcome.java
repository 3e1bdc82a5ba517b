package cn.shencha.materials.internal;

/**
 * PURGED: the image had never been submitted and is gone with its file. KEPT_IN_HISTORY: it had been
 * submitted, so during a supplement it stays in the material's history as REPLACED, with the reviewer's reason.
 */
public enum DeleteOutcome { PURGED, KEPT_IN_HISTORY }
