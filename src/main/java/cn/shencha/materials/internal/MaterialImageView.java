package cn.shencha.materials.internal;

import cn.shencha.materials.ImageState;
import java.time.Instant;
import java.util.List;

/**
 * One image as the candidate sees it. {@code state} ACTIVE: current, in {@code slot}; REPLACED: kept in the
 * material's history with the reviewer's {@code replacedReason} ("已替换（原因：不清晰）").
 * {@code deletable}: the candidate may delete it now (its material is unlocked).
 * {@code warnings}: the quality hints given when it was uploaded, in the requested language.
 */
public record MaterialImageView(Long id, String typeCode, ImageState state, Integer slot, String contentType,
                                int sizeBytes, int width, int height, Instant uploadedAt, boolean submitted,
                                Instant replacedAt, String replacedReason, boolean deletable,
                                List<UploadNotice> warnings) {
}
