package cn.shencha.materials.internal;

import cn.shencha.materials.LockReason;
import java.util.List;

/**
 * One material type for one candidate: the catalog's rules and texts, whether the candidate may change it
 * now ({@code locked}, {@code lockReason} code and its text), the images (ACTIVE by slot, then the REPLACED
 * history, newest first) and the reviewer's {@code feedback} while the material is unlocked for a supplement.
 * {@code activeCount} counts the current images; {@code complete} is true when {@code activeCount >= minCount}
 * (at least one for a required material); {@code canUpload}: unlocked and below {@code maxCount}.
 */
public record MaterialTypeOverview(Long typeId, String typeCode, String name, String description,
                                   String exampleImage, boolean required, int minCount, int maxCount,
                                   int activeCount, boolean complete, boolean locked, LockReason lockReason,
                                   String lockReasonText, boolean canUpload, List<MaterialImageView> images,
                                   String feedback) {
}
