package cn.shencha.bench;

import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.IdNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Made-up candidates of one benchmark district, as the registration system's CSV export lists them. */
final class BenchCandidates {

    static final String PASSWORD = "Bench2026x";

    record Person(String registrationNo, String idNumber, String siteCode) {
    }

    private BenchCandidates() {
    }

    /** @param first index of the first one (so one district can be imported in several files) */
    static List<Person> of(String district, int first, int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String registrationNo = district + "26" + String.format("%08d", i);
            String birth = LocalDate.of(1985, 1, 1).plusDays(i % 7300).format(DateTimeFormatter.BASIC_ISO_DATE);
            String idNumber = IdNumbers.withCheckCharacter(district + "0101" + birth + String.format("%03d", (i / 7300) % 1000));
            people.add(new Person(registrationNo, idNumber,
                    BenchReferenceData.site(district, i % BenchReferenceData.SITES_PER_DISTRICT)));
        }
        return people;
    }

    static String csv(String district, List<Person> people) {
        StringBuilder csv = new StringBuilder("registrationNo,name,idNumber,phone,examCategory,districtCode,siteCode\n");
        for (Person p : people) {
            csv.append(p.registrationNo()).append(",考生").append(p.registrationNo().substring(4)).append(',')
                    .append(p.idNumber()).append(",1380000").append(p.registrationNo().substring(8)).append(',')
                    .append(ExamCategories.CLINICAL).append(',').append(district).append(',').append(p.siteCode())
                    .append('\n');
        }
        return csv.toString();
    }
}
