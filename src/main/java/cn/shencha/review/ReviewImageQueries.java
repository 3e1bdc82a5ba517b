package cn.shencha.review;

import cn.shencha.materials.MaterialImage;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** What reviewers need to know about images beyond one candidate: the same file used by someone else. */
interface ReviewImageQueries extends Repository<MaterialImage, Long> {

    record SharedHash(String sha256, long otherCandidates) {
    }

    @Query("""
            select new cn.shencha.review.ReviewImageQueries$SharedHash(i.sha256, count(distinct i.candidateId))
            from MaterialImage i
            where i.sha256 in :hashes and i.candidateId <> :candidateId
            group by i.sha256""")
    List<SharedHash> usedByOtherCandidates(@Param("candidateId") Long candidateId,
                                           @Param("hashes") Collection<String> hashes);
}
