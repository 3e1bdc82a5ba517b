package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.MaterialTypeRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.notify.Notifier;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells the candidate which materials to replace, why, and by when. */
@Component
class SupplementNotice {

    private final Notifier notifier;
    private final MaterialTypeRepository types;
    private final DistrictRepository districts;
    private final Seasons seasons;

    SupplementNotice(Notifier notifier, MaterialTypeRepository types, DistrictRepository districts, Seasons seasons) {
        this.seasons = seasons;
        this.notifier = notifier;
        this.types = types;
        this.districts = districts;
    }

    void send(Candidate candidate, ReviewDecision decision) {
        Map<Long, MaterialType> byId = types.catalogOf(candidate).stream()
                .collect(Collectors.toMap(MaterialType::getId, Function.identity()));
        String items = decision.replacements().stream()
                .map(v -> byId.get(v.getMaterialTypeId()).displayName(Messages.DEFAULT_LOCALE)
                        + (v.getReason() == null || v.getReason().isBlank() ? "" : "（" + v.getReason() + "）"))
                .collect(Collectors.joining("；"));
        String deadline = ShanghaiTime.format(seasons.deadlines(candidate).supplement());
        notifier.notifyCandidate(candidate.getId(), NoticeKind.SUPPLEMENT_REQUESTED, candidate.getName(), items, deadline);
    }
}
