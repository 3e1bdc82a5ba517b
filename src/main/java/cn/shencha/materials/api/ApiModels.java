package cn.shencha.materials.api;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.materials.CandidateStatus;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.internal.PublishedVerdict;
import cn.shencha.materials.internal.UploadNotice;
import cn.shencha.materials.internal.UploadResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of the candidate API v1. Times are ISO-8601 in Asia/Shanghai (+08:00). */
final class ApiModels {

    private ApiModels() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ShanghaiTime.ZONE).toOffsetDateTime();
    }

    record ActivationRequest(
            @Schema(example = "120126000003") String registrationNo,
            @Schema(example = "120103199705213453") String idNumber,
            @Schema(description = "at least 8 characters with letters and digits", example = "Secret2026") String password) {
    }

    record ActivationResponse(String registrationNo, OffsetDateTime activatedAt) {
    }

    @Schema(description = "The candidate's registration and where the case stands. stage: UPLOADING, SITE_REVIEW, "
            + "DISTRICT_REVIEW, SUPPLEMENT, REVIEW_FINISHED (finished, awaiting publication), APPROVED, REJECTED "
            + "(the last two only once published).")
    record Me(String registrationNo, String name, String idNumber, String examCategory, String districtCode,
              String districtName, String siteCode, String siteName, String stage, String stageText,
              Deadlines deadlines, OffsetDateTime submittedAt, boolean locked, String lockReason,
              String lockReasonText, boolean autoLocked, boolean verdictPublished) {

        static Me of(CandidateStatus s) {
            return new Me(s.registrationNo(), s.name(), s.maskedIdNumber(), s.examCategory(), s.districtCode(),
                    s.districtName(), s.siteCode(), s.siteName(), s.stage().name(), s.stageText(),
                    new Deadlines(time(s.uploadStart()), time(s.uploadDeadline()), time(s.supplementDeadline()),
                            time(s.resultsPublishAt())),
                    time(s.submittedAt()), s.locked(), s.lockReason() == null ? null : s.lockReason().name(),
                    s.lockReasonText(), s.autoLocked(), s.verdictPublished());
        }
    }

    record Deadlines(OffsetDateTime uploadStart, OffsetDateTime uploadDeadline, OffsetDateTime supplementDeadline,
                     OffsetDateTime resultsPublishAt) {
    }

    record Notice(String code, String level, String text) {

        static List<Notice> of(List<UploadNotice> notices) {
            return notices.stream().map(n -> new Notice(n.code(), n.level().name(), n.text())).toList();
        }
    }

    @Schema(description = "state ACTIVE: current image in its slot; REPLACED: kept in the history with the reviewer's reason")
    record Image(Long id, String typeCode, String state, Integer slot, String contentType, int sizeBytes, int width,
                 int height, OffsetDateTime uploadedAt, boolean submitted, OffsetDateTime replacedAt,
                 String replacedReason, boolean deletable, List<Notice> warnings, String url) {

        static Image of(MaterialImageView v) {
            return new Image(v.id(), v.typeCode(), v.state().name(), v.slot(), v.contentType(), v.sizeBytes(),
                    v.width(), v.height(), time(v.uploadedAt()), v.submitted(), time(v.replacedAt()),
                    v.replacedReason(), v.deletable(), Notice.of(v.warnings()), "/api/v1/me/images/" + v.id());
        }
    }

    record MaterialTypeJson(String typeCode, String name, String description, String exampleImage, boolean required,
                            int minCount, int maxCount, int activeCount, boolean complete, boolean locked,
                            String lockReason, String lockReasonText, boolean canUpload, List<Image> images,
                            String feedback) {

        static MaterialTypeJson of(MaterialTypeOverview t) {
            return new MaterialTypeJson(t.typeCode(), t.name(), t.description(), t.exampleImage(), t.required(),
                    t.minCount(), t.maxCount(), t.activeCount(), t.complete(), t.locked(),
                    t.lockReason() == null ? null : t.lockReason().name(), t.lockReasonText(), t.canUpload(),
                    t.images().stream().map(Image::of).toList(), t.feedback());
        }
    }

    @Schema(description = "The material types of the candidate's district, whether submission is possible now, "
            + "what is missing and the reviewers' open feedback")
    record Materials(List<MaterialTypeJson> types, boolean canSubmit, String submitLockReason,
                     String submitLockReasonText, List<String> missing, boolean allLocked, List<String> feedback) {

        static Materials of(MaterialOverview o) {
            return new Materials(o.types().stream().map(MaterialTypeJson::of).toList(), o.canSubmit(),
                    o.submitLockReason() == null ? null : o.submitLockReason().name(), o.submitLockReasonText(),
                    o.missing(), o.allLocked(), o.feedback());
        }
    }

    @Schema(description = "The stored image, what was done to the file (notes, e.g. SHRUNK \"压缩自 1.6 MB 至 186 KB\") "
            + "and quality warnings (TOO_SMALL, BLURRY, SAME_AS_OTHER_MATERIAL)")
    record Upload(Image image, List<Notice> notes, List<Notice> warnings) {

        static Upload of(UploadResult r) {
            return new Upload(Image.of(r.image()), Notice.of(r.notes()), Notice.of(r.warnings()));
        }
    }

    @Schema(description = "outcome: SUBMITTED (first submission), RESUBMITTED (after a supplement), "
            + "ALREADY_SUBMITTED (a repeated request changes nothing)")
    record Submission(String outcome, String stage, OffsetDateTime submittedAt) {
    }

    record VerdictJson(String verdict, String verdictText, String reason, OffsetDateTime publishedAt) {

        static VerdictJson of(PublishedVerdict v) {
            return new VerdictJson(v.verdict().name(), v.verdictText(), v.reason(), time(v.publishedAt()));
        }
    }

    record EarlierVerdictJson(String season, String seasonName, String registrationNo, String verdict,
                              String verdictText, String reason, OffsetDateTime publishedAt) {

        static EarlierVerdictJson of(cn.shencha.materials.internal.EarlierVerdict v) {
            return new EarlierVerdictJson(v.seasonCode(), v.seasonName(), v.registrationNo(), v.verdict().name(),
                    v.verdictText(), v.reason(), time(v.publishedAt()));
        }
    }
}
