package cn.shencha.materials;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.SeasonSchedule;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says whether a candidate may change a material now. It reads the clock rather than
 * waiting for the process: the moment a deadline passes everything is locked, even before the timer job ran.
 */
public final class MaterialLockPolicy {

    private MaterialLockPolicy() {
    }

    /**
     * @param unlockedTypeIds the material types a reviewer unlocked and that are still open
     * @return empty when the material may be changed, otherwise why not
     */
    public static Optional<LockReason> lockReason(Candidate candidate, SeasonSchedule schedule, Long materialTypeId,
                                                  Set<Long> unlockedTypeIds, Instant now) {
        return switch (candidate.getPhase()) {
            case UPLOADING -> uploadWindowLock(candidate, schedule, now);
            case SUPPLEMENT -> {
                if (!now.isBefore(schedule.getSupplementDeadline())) {
                    yield Optional.of(LockReason.SUPPLEMENT_DEADLINE_PASSED);
                }
                yield materialTypeId == null || unlockedTypeIds.contains(materialTypeId)
                        ? Optional.empty() : Optional.of(LockReason.NOT_UNLOCKED);
            }
            case SITE_REVIEW, DISTRICT_REVIEW -> Optional.of(LockReason.SUBMITTED);
            case APPROVED, REJECTED -> Optional.of(LockReason.REVIEW_FINISHED);
        };
    }

    /** Whether the candidate can submit (or resubmit) now. */
    public static Optional<LockReason> submitLockReason(Candidate candidate, SeasonSchedule schedule, Instant now) {
        return lockReason(candidate, schedule, null, Set.of(), now);
    }

    private static Optional<LockReason> uploadWindowLock(Candidate candidate, SeasonSchedule schedule, Instant now) {
        if (now.isBefore(schedule.getUploadStart())) {
            return Optional.of(LockReason.UPLOAD_NOT_OPEN);
        }
        if (!now.isBefore(candidate.effectiveUploadDeadline(schedule))) {
            return Optional.of(LockReason.UPLOAD_DEADLINE_PASSED);
        }
        return Optional.empty();
    }
}
