package cn.shencha.materials;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.CaseState;
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
     * @param unlockedTypeIds  the material types a reviewer unlocked and that are still open
     * @param supplementExpired whether the candidate's last supplement request expired unanswered
     * @return empty when the material may be changed, otherwise why not
     */
    public static Optional<LockReason> lockReason(Candidate candidate, CaseState state, SeasonSchedule schedule,
                                                  Long materialTypeId, Set<Long> unlockedTypeIds,
                                                  boolean supplementExpired, Instant now) {
        return switch (state.phase()) {
            case UPLOADING -> uploadWindowLock(CaseDeadlines.of(candidate, schedule), now);
            case SUPPLEMENT -> {
                if (CaseDeadlines.of(candidate, schedule).supplementPassed(now)) {
                    yield Optional.of(LockReason.SUPPLEMENT_DEADLINE_PASSED);
                }
                yield materialTypeId == null || unlockedTypeIds.contains(materialTypeId)
                        ? Optional.empty() : Optional.of(LockReason.NOT_UNLOCKED);
            }
            case SITE_REVIEW, DISTRICT_REVIEW -> Optional.of(reviewLock(state, supplementExpired));
            case APPROVED, REJECTED -> Optional.of(LockReason.REVIEW_FINISHED);
        };
    }

    /** Whether the candidate can submit (or resubmit) now. */
    public static Optional<LockReason> submitLockReason(Candidate candidate, CaseState state, SeasonSchedule schedule,
                                                        boolean supplementExpired, Instant now) {
        return lockReason(candidate, state, schedule, null, Set.of(), supplementExpired, now);
    }

    /**
     * Why the materials of a case under review are locked, in the candidate's terms: a supplement that was asked
     * for and never resubmitted expired; materials never submitted were locked by the upload deadline; only
     * otherwise did the candidate submit them.
     */
    static LockReason reviewLock(CaseState state, boolean supplementExpired) {
        if (supplementExpired) {
            return LockReason.SUPPLEMENT_DEADLINE_PASSED;
        }
        return !state.submitted() ? LockReason.UPLOAD_DEADLINE_PASSED : LockReason.SUBMITTED;
    }

    private static Optional<LockReason> uploadWindowLock(CaseDeadlines deadlines, Instant now) {
        if (deadlines.uploadNotOpen(now)) {
            return Optional.of(LockReason.UPLOAD_NOT_OPEN);
        }
        if (deadlines.uploadPassed(now)) {
            return Optional.of(LockReason.UPLOAD_DEADLINE_PASSED);
        }
        return Optional.empty();
    }
}
