package cn.shencha.review.ui;

import cn.shencha.base.ui.PhoneGrid;
import org.springframework.modulith.NamedInterface;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.review.ImageViewLog;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * 图片查看记录: who viewed which candidate's image when (the PIPL audit the review form and the admin case view write),
 * newest first, filtered by registration number, viewer and Asia/Shanghai days, a page at a time. The same records
 * and rules as {@code GET /api/v1/admin/image-views}; administrators only.
 */
@Route(ImageViewsView.ROUTE)
@RolesAllowed(Roles.ADMIN)
@NamedInterface("ui") // Linked from admin's pages.
public class ImageViewsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public static final String ROUTE = "admin/image-views";
    /** Query parameter: open the page filtered by this registration number (the case view links here). */
    public static final String REGISTRATION_NO = "registrationNo";
    static final int PAGE_SIZE = 50;

    private final ImageViewLog log;
    private final Messages messages;

    final TextField registrationNo = new TextField();
    final TextField viewer = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<ImageViewLog.Entry> grid = new Grid<>();
    final Span pageInfo = new Span();
    final Button previous = new Button();
    final Button next = new Button();
    int page;
    long total;

    public ImageViewsView(ImageViewLog log, Messages messages) {
        this.log = log;
        this.messages = messages;

        registrationNo.setLabel(getTranslation("review.imageViews.registrationNo"));
        viewer.setLabel(getTranslation("review.imageViews.viewer"));
        from.setLabel(getTranslation("review.imageViews.from"));
        to.setLabel(getTranslation("review.imageViews.to"));
        registrationNo.setClearButtonVisible(true);
        viewer.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        registrationNo.addKeyPressListener(Key.ENTER, e -> search());
        viewer.addKeyPressListener(Key.ENTER, e -> search());
        Button searchButton = new Button(getTranslation("review.imageViews.search"), e -> search());
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(registrationNo, viewer, from, to, searchButton);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneGrid<ImageViewLog.Entry> gridCols = PhoneGrid.of(grid);
        gridCols.text(getTranslation("review.imageViews.viewedAt"), ImageViewLog.Entry::viewedAt)
                .setAutoWidth(true).setFlexGrow(0);
        gridCols.text(getTranslation("review.imageViews.viewer"), ImageViewLog.Entry::viewer).setAutoWidth(true);
        gridCols.text(getTranslation("review.imageViews.candidate"), e -> join(e.registrationNo(), e.candidateName())).setAutoWidth(true);
        gridCols.text(getTranslation("review.imageViews.material"), ImageViewLog.Entry::materialType).setAutoWidth(true);
        gridCols.text(getTranslation("review.imageViews.image"), ImageViewLog.Entry::imageId).setAutoWidth(true);
        gridCols.text(getTranslation("review.imageViews.size"), e -> getTranslation("review.imageViews.size." + e.size())).setAutoWidth(true);
        gridCols.cardsOnPhones();
        grid.setAllRowsVisible(true);

        previous.setText(getTranslation("review.imageViews.previous"));
        next.setText(getTranslation("review.imageViews.next"));
        previous.addClickListener(e -> show(page - 1));
        next.addClickListener(e -> show(page + 1));
        HorizontalLayout pager = new HorizontalLayout(previous, pageInfo, next);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(new H2(getTranslation("review.imageViews.title")), new Paragraph(getTranslation("review.imageViews.hint")),
                filters, grid, pager);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(REGISTRATION_NO).ifPresent(registrationNo::setValue);
        search();
    }

    void search() {
        show(0);
    }

    void show(int wanted) {
        ImageViewLog.EntryPage found;
        try {
            found = log.search(CurrentUser.staffScope(), registrationNo.getValue(), viewer.getValue(),
                    from.getValue(), to.getValue(), Math.max(0, wanted), PAGE_SIZE);
        } catch (ShenchaException e) {
            Notification.show(messages.describe(e), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        page = found.page();
        total = found.total();
        grid.setItems(found.entries());
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        pageInfo.setText(getTranslation("review.imageViews.page", String.valueOf(page + 1), String.valueOf(pages), String.valueOf(total)));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + (b == null ? "" : " " + b);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.imageViews.title");
    }
}
