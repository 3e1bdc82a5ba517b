package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.CandidateMaterials;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the notify module (event {@link SupplementRequested}) which materials to replace, why, and by when. */
@Component
class SupplementNotice {

    private final ApplicationEventPublisher events;
    private final CandidateMaterials types;
    private final DistrictRepository districts;
    private final Seasons seasons;

    SupplementNotice(ApplicationEventPublisher events, CandidateMaterials types, DistrictRepository districts, Seasons seasons) {
        this.seasons = seasons;
        this.events = events;
        this.types = types;
        this.districts = districts;
    }

    void send(Candidate candidate, ReviewDecision decision) {
        Map<Long, MaterialType> byId = types.catalog(candidate).stream()
                .collect(Collectors.toMap(MaterialType::getId, Function.identity()));
        String items = decision.replacements().stream()
                .map(v -> byId.get(v.getMaterialTypeId()).displayName(Messages.DEFAULT_LOCALE)
                        + (v.getReason() == null || v.getReason().isBlank() ? "" : "（" + v.getReason() + "）"))
                .collect(Collectors.joining("；"));
        String deadline = ShanghaiTime.format(seasons.deadlines(candidate).supplement());
        events.publishEvent(SupplementRequested.of(candidate.getId(), candidate.getName(), items, deadline));
    }
}
