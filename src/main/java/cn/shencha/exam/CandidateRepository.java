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

    /** The candidate whose case a process instance is (index V60_1). */
    @Query("select c.id from Candidate c where c.processInstanceId = :processInstanceId")
    Optional<Long> findIdByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    /** Serialises one candidate's changes (uploads, deletes, submit) so that their rules hold under races. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Candidate c where c.id = :id")
    Optional<Candidate> findByIdForUpdate(@Param("id") Long id);

    @Query("select c.id from Candidate c where c.seasonCode = :seasonCode and c.districtCode = :districtCode"
            + " and c.processInstanceId is not null")
    List<Long> findIdsWithProcessByDistrict(@Param("seasonCode") String seasonCode,
                                            @Param("districtCode") String districtCode);

    List<Candidate> findBySeasonCodeAndDistrictCodeAndProcessInstanceIdIsNotNull(String seasonCode, String districtCode);

    long countBySeasonCodeAndDistrictCode(String seasonCode, String districtCode);

    long countBySeasonCode(String seasonCode);
}
