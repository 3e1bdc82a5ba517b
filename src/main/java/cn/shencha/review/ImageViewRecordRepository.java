package cn.shencha.review;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImageViewRecordRepository extends JpaRepository<ImageViewRecord, Long> {

    /** Newest first; every criterion is optional (null matches all). */
    @Query("""
            select v from ImageViewRecord v
            where (:candidateId is null or v.candidateId = :candidateId)
              and (:viewer is null or v.viewer = :viewer)
              and (:from is null or v.viewedAt >= :from)
              and (:to is null or v.viewedAt < :to)
            order by v.viewedAt desc, v.id desc""")
    Page<ImageViewRecord> search(@Param("candidateId") Long candidateId, @Param("viewer") String viewer,
                           @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    long countByImageIdAndViewer(Long imageId, String viewer);
}
