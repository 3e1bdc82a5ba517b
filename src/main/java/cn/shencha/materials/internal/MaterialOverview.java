package cn.shencha.materials.internal;

import cn.shencha.materials.LockReason;
import java.util.List;

/**
 * The candidate's upload page in one read: every material type of their district (required ones for their
 * exam category first in catalog order), whether they can submit now, and if not why
 * ({@code submitLockReason} when the phase or a deadline forbids it, {@code missing}: names of the
 * materials still incomplete). {@code allLocked}: nothing may be changed now.
 * {@code feedback}: the reviewers' reasons of an open supplement request ("身份证明：不清晰"), empty otherwise.
 */
public record MaterialOverview(Long candidateId, List<MaterialTypeOverview> types, boolean canSubmit,
                               LockReason submitLockReason, String submitLockReasonText, List<String> missing,
                               boolean allLocked, List<String> feedback) {
}
