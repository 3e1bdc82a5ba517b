package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.CandidateMaterials;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PIPL audit of image views: written on every image fetch, listed for administrators. */
@Service
public class ImageViewLog {

    public record Entry(Long id, String viewedAt, String viewer, String registrationNo, String candidateName,
                        Long imageId, String materialType, String size) {
    }

    public record EntryPage(List<Entry> entries, int page, int size, long total) {
    }

    static final int MAX_PAGE_SIZE = 200;

    private final ImageViewRecordRepository records;
    private final CandidateRepository candidates;
    private final CandidateMaterials materials;
    private final Clock clock;
    private final Seasons seasons;

    ImageViewLog(ImageViewRecordRepository records, CandidateRepository candidates, CandidateMaterials materials,
                 Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.records = records;
        this.candidates = candidates;
        this.materials = materials;
        this.clock = clock;
    }

    @Transactional
    void record(MaterialImage image, String viewer, ImageViewRecord.Size size) {
        records.save(new ImageViewRecord(image.getId(), image.getCandidateId(), viewer, size, clock.instant()));
    }

    /** Who viewed which image when, newest first; administrators only. Dates are Asia/Shanghai days, inclusive. */
    @Transactional(readOnly = true)
    public EntryPage search(StaffScope scope, String registrationNo, String viewer, LocalDate from, LocalDate to,
                            int page, int size) {
        if (!scope.admin()) {
            throw new ShenchaException("FORBIDDEN", HttpStatus.FORBIDDEN);
        }
        Long candidateId = null;
        if (registrationNo != null && !registrationNo.isBlank()) {
            candidateId = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), registrationNo.strip())
                    .map(Candidate::getId)
                    .orElse(-1L);
        }
        Page<ImageViewRecord> found = records.search(candidateId, blankToNull(viewer),
                from == null ? null : ShanghaiTime.at(from.atStartOfDay()),
                to == null ? null : ShanghaiTime.endOfDay(to),
                PageRequest.of(Math.max(0, page), Math.min(MAX_PAGE_SIZE, Math.max(1, size))));

        Set<Long> candidateIds = found.stream().map(ImageViewRecord::getCandidateId).collect(Collectors.toSet());
        Map<Long, Candidate> byId = candidates.findAllById(candidateIds).stream()
                .collect(Collectors.toMap(Candidate::getId, Function.identity()));
        Set<Long> imageIds = found.stream().map(ImageViewRecord::getImageId).collect(Collectors.toSet());
        Map<Long, String> typeCodes = materials.typeCodesOfImages(imageIds);

        List<Entry> entries = found.stream().map(r -> {
            Candidate candidate = byId.get(r.getCandidateId());
            return new Entry(r.getId(), ShanghaiTime.format(r.getViewedAt()), r.getViewer(),
                    candidate == null ? null : candidate.getRegistrationNo(),
                    candidate == null ? null : candidate.getName(), r.getImageId(),
                    typeCodes.get(r.getImageId()), r.getSize().name());
        }).toList();
        return new EntryPage(entries, found.getNumber(), found.getSize(), found.getTotalElements());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
