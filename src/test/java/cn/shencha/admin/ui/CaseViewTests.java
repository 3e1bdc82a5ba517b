package cn.shencha.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.review.ui.CasePictures;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.TestData;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.router.RouterLink;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The administrator's case view (考生管理) in a browserless Vaadin: the process history in the page's language only,
 * reasons wrapped instead of cut off, and the pictures as reviewers see them (the reviewer API's images, with the
 * watermark), linked to the candidate's image-view log.
 */
@ShenchaSpringTest
class CaseViewTests {


    @Autowired ApplicationContext context;
    @Autowired TestData testData;
    @Autowired MaterialTypeRepository types;

    AdminTestData data;


    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    @Test
    void theCaseShowsTheHistoryInChineseOnlyWrapsReasonsAndShowsThePicturesAsReviewersSeeThem() {
        Candidate candidate = data.candidate();
        MaterialImage image = testData.imageRow(candidate,
                types.findBySeasonCodeAndDistrictCodeAndCode(candidate.getSeasonCode(), candidate.getDistrictCode(), "ID_CARD").orElseThrow(), 1);
        CandidatesView view = open(Locale.SIMPLIFIED_CHINESE);
        view.showDetail(candidate.getRegistrationNo());

        String text = view.detail.getElement().getTextRecursively();
        List<Grid<?>> grids = grids(view);
        assertThat(text).contains("材料图片");
        assertThat(grids).allSatisfy(g -> assertThat(g.getThemeNames()).contains(GridVariant.LUMO_WRAP_CELL_CONTENT.getVariantName()));
        assertThat(historySteps(view)).contains("考生已导入", "上传材料").noneMatch(s -> s.matches(".*[A-Za-z].*"));

        CasePictures pictures = _get(view.detail, CasePictures.class);
        Image thumb = _get(pictures, Image.class);
        // The reviewer API's image endpoint: the same check and the same view log as the review form.
        assertThat(thumb.getSrc()).isEqualTo("/api/v1/review/images/" + image.getId() + "?size=thumb");
        assertThat(pictures.getElement().getOuterHTML()).contains("data-watermark=\"仅供医师资格考试审核使用  "
                + AdminTestData.adminScope().userId() + "  ");
        _get(pictures, Button.class).click();
        Dialog dialog = _get(Dialog.class);
        assertThat(_find(dialog, Image.class)).extracting(Image::getSrc)
                .containsExactly("/api/v1/review/images/" + image.getId());
        assertThat(dialog.getElement().getOuterHTML()).contains("shencha-watermark");
        RouterLink log = _get(view.detail, RouterLink.class);
        assertThat(log.getHref()).isEqualTo("admin/image-views?registrationNo=" + candidate.getRegistrationNo());
    }

    @Test
    void inEnglishTheHistoryIsEnglishOnly() {
        Candidate candidate = data.candidate();
        CandidatesView view = open(Locale.ENGLISH);
        view.showDetail(candidate.getRegistrationNo());
        assertThat(historySteps(view)).contains("Candidate registered", "Upload materials")
                .noneMatch(s -> s.matches(".*\\p{IsHan}.*"));
    }

    @Test
    void everyStepOfTheProcessHasANameInBothLanguages() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (InputStream bpmn = getClass().getResourceAsStream("/processes/material-review.bpmn")) {
            Matcher m = Pattern.compile("<bpmn:(startEvent|receiveTask|userTask|serviceTask|boundaryEvent|"
                    + "intermediateCatchEvent|endEvent) id=\"(\\w+)\"").matcher(new String(bpmn.readAllBytes()));
            while (m.find()) {
                ids.add(m.group(2));
            }
        }
        assertThat(ids).hasSizeGreaterThan(10);
        for (String bundle : List.of("/messages-admin.properties", "/messages-admin_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(ids).as(bundle).allSatisfy(id -> assertThat(p).containsKey("admin.history.activity." + id));
        }
    }

    private CandidatesView open(Locale locale) {
        KaribuExtension.open(context, locale);
        UI.getCurrent().navigate(CandidatesView.class);
        return _get(CandidatesView.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Grid<?>> grids(CandidatesView view) {
        return (List) _find(view.detail, Grid.class);
    }

    /** The step column of the history grid. */
    @SuppressWarnings("unchecked")
    private static List<String> historySteps(CandidatesView view) {
        Grid<cn.shencha.admin.CandidateSearchService.HistoryLine> history =
                (Grid<cn.shencha.admin.CandidateSearchService.HistoryLine>) grids(view).get(2);
        return java.util.stream.IntStream.range(0, GridKt._size(history))
                .mapToObj(i -> GridKt._getFormattedRow(history, i).get(2))
                .toList();
    }
}
