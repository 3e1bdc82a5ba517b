package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.web.ShenchaException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvEncodingTests {

    static final String TEXT = "registrationNo,name\n120126000001,张伟\n120126000002,欧阳娜娜\n";

    @Test
    void autoReadsUtf8WithAndWithoutByteOrderMark() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.AUTO.decode(utf8)).isEqualTo(new CsvEncoding.Decoded(TEXT, CsvEncoding.UTF_8));
        assertThat(CsvEncoding.AUTO.decode(bom)).isEqualTo(new CsvEncoding.Decoded(TEXT, CsvEncoding.UTF_8));
    }

    @Test
    void autoFallsBackToGbk() {
        byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
        assertThat(CsvEncoding.AUTO.decode(gbk)).isEqualTo(new CsvEncoding.Decoded(TEXT, CsvEncoding.GBK));
        assertThat(CsvEncoding.GBK.decode(gbk).text()).isEqualTo(TEXT);
    }

    @Test
    void aChosenEncodingThatDoesNotFitIsRefused() {
        byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CsvEncoding.UTF_8.decode(gbk))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("IMPORT_ENCODING_INVALID"));
    }

    @Test
    void namesAreReadLeniently() {
        assertThat(CsvEncoding.of(null)).isEqualTo(CsvEncoding.AUTO);
        assertThat(CsvEncoding.of("utf-8")).isEqualTo(CsvEncoding.UTF_8);
        assertThat(CsvEncoding.of("GB18030")).isEqualTo(CsvEncoding.GBK);
        assertThatThrownBy(() -> CsvEncoding.of("Big5")).isInstanceOf(ShenchaException.class);
    }
}
