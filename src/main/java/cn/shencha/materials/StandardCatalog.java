package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.exam.ExamCategories;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials a 医师资格考试 registration asks for, as a district's starting catalog. Districts adjust
 * rules and texts afterwards; the codes are stable and used by the API.
 */
@Component
public class StandardCatalog {

    private static final Set<String> EVERYONE = Set.copyOf(ExamCategories.ALL);

    private record Entry(String code, String name, String nameEn, String description, String example,
                         int min, int max, Set<String> requiredFor) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("ID_CARD", "身份证明", "Proof of identity",
                    "居民身份证正面（人像面）和反面（国徽面）各一张，共两张；须在有效期内，四角完整、文字清晰。",
                    "/examples/id-card.svg", 2, 2, EVERYONE),
            new Entry("DIPLOMA", "学历证书", "Diploma",
                    "医学专业毕业证书原件照片；应届毕业生上传学校出具的学历证明。",
                    "/examples/diploma.svg", 1, 3, EVERYONE),
            new Entry("DEGREE", "学位证书", "Degree certificate",
                    "有学位的考生上传学位证书原件照片。",
                    "/examples/degree.svg", 0, 2, Set.of()),
            new Entry("PROBATION", "试用期考核证明", "Probation assessment certificate",
                    "《医师资格考试试用期考核证明》，须有试用机构盖章及负责人签字，考核时间满一年。",
                    "/examples/probation.svg", 1, 3, EVERYONE),
            new Entry("REGISTRATION_FORM", "报名信息表", "Registration form",
                    "网上报名成功后打印的《医师资格考试网上报名成功通知单》或考区要求的报名表，须本人签字。",
                    "/examples/registration-form.svg", 1, 4, EVERYONE),
            new Entry("PRACTISING_CERTIFICATE", "执业助理医师资格证书和执业证书", "Assistant physician certificates",
                    "执业助理医师报考执业医师的考生上传《医师资格证书》和《医师执业证书》的相关页面。",
                    "/examples/practising-certificate.svg", 0, 4, Set.of()),
            new Entry("FOREIGN_DEGREE_VERIFICATION", "境外学历认证", "Foreign degree verification",
                    "境外医学学历考生上传教育部留学服务中心出具的《国外学历学位认证书》。",
                    "/examples/foreign-degree.svg", 0, 2, Set.of()),
            new Entry("OTHER", "其他材料", "Other materials",
                    "考区通知要求的其他材料，如工作证明、执业注册证明等。",
                    "/examples/other.svg", 0, 6, Set.of()));

    private final MaterialTypeRepository types;

    StandardCatalog(MaterialTypeRepository types) {
        this.types = types;
    }

    /** Adds the standard material types a district does not have yet in this season. */
    @Transactional
    public void seed(String seasonCode, String districtCode) {
        int order = 0;
        for (Entry e : ENTRIES) {
            order += 10;
            if (types.findBySeasonCodeAndDistrictCodeAndCode(seasonCode, districtCode, e.code()).isEmpty()) {
                types.save(new MaterialType(seasonCode, districtCode, e.code(), e.name(), e.nameEn(), e.description(),
                        e.example(), e.min(), e.max(), order, e.requiredFor()));
            }
        }
    }
}
