package cn.shencha.admin.setup;

import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.IdNumbers;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;

/**
 * Codes for the set-up tests. A test creates a district as an administrator would, so it needs a code no
 * district has yet: the first free one from 50 to 99 in this database (a fresh database per CI run; a
 * developer's own database serves some fifty runs before it needs to be recreated).
 */
public final class SetupFixtures {

    private static final AtomicLong ID_SEQUENCE = new AtomicLong(System.nanoTime() % 1000);

    private SetupFixtures() {
    }

    public static String freeDistrictCode(ApplicationContext context) {
        DistrictRepository districts = context.getBean(DistrictRepository.class);
        return IntStream.rangeClosed(50, 99).mapToObj(String::valueOf).filter(code -> !districts.existsById(code))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "No free district code 50-99 left in the test database: recreate it (see .ci/run)"));
    }

    /** A staff member of one Camunda group, created once. */
    public static void staffUser(IdentityService identityService, String id, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    public static String idNumber(String districtCode) {
        return IdNumbers.withCheckCharacter(districtCode + "0101" + "19900101"
                + String.format("%03d", ID_SEQUENCE.incrementAndGet() % 1000));
    }

    /** A province's set-up as a district's IT office writes it (docs/admin.md shows the same shape). */
    public static String setupYaml(String district, String name) {
        return """
                districts:
                  - code: "%1$s"
                    name: %2$s
                    maxImageKb: 200
                    sites:
                      - {code: "%1$s01", name: 第一考点}
                      - {code: "%1$s02", name: 第二考点}
                    catalog:
                      - code: ID_CARD
                        name: 身份证明
                        description: 居民身份证正反面各一张
                        min: 2
                        max: 2
                        order: 10
                        requiredFor: [全部]
                      - code: DENTAL_TRAINING
                        name: 口腔专业培训证明
                        nameEn: Dental training certificate
                        description: 口腔类别考生上传专业培训证明
                        min: 1
                        max: 2
                        order: 15
                        requiredFor: [口腔执业医师, 口腔执业助理医师]
                """.formatted(district, name);
    }
}
