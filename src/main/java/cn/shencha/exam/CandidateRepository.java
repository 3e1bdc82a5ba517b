package cn.shencha.exam;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CandidateRepository extends JpaRepository<Candidate, Long> {

    Optional<Candidate> findBySeasonCodeAndRegistrationNo(String seasonCode, String registrationNo);

    /** The registrations with this number in every season. */
    List<Candidate> findAllByRegistrationNo(String registrationNo);

    /** The same person's registrations in other seasons (matched by ID number), newest season first. */
    List<Candidate> findByIdNumberAndSeasonCodeNotOrderBySeasonCodeDesc(String idNumber, String seasonCode);

    /** The same person's purged registrations in other seasons: their ID number is gone, its salted hash kept. */
    List<Candidate> findByIdNumberHashAndSeasonCodeNot(String idNumberHash, String seasonCode);

    /** Serialises one candidate's changes (uploads, deletes, submit) so that their rules hold under races. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Candidate c where c.id = :id")
    Optional<Candidate> findByIdForUpdate(@Param("id") Long id);

    long countBySeasonCodeAndDistrictCode(String seasonCode, String districtCode);

    long countBySeasonCode(String seasonCode);
}
