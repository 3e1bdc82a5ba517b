package cn.shencha.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid that fits a phone. On a window narrower than {@link #NARROW_PX} a table of six columns would make the user
 * swipe sideways inside the grid to find a column; there the grid shows one column instead, each row as a card of
 * "header value" pairs that wrap (the first column as the card's title), and goes back to its table on a wider window.
 * Views declare their columns through this class, so that the table and the card show the same values.
 */
public final class PhoneGrid<T> {

    /** Below this window width (CSS pixels) rows are shown as cards. */
    public static final int NARROW_PX = 600;

    private record Field<T>(String header, ValueProvider<T, ?> value, boolean component) {
    }

    private final Grid<T> grid;
    private final List<Field<T>> fields = new ArrayList<>();
    private final List<Grid.Column<T>> tableColumns = new ArrayList<>();
    private Grid.Column<T> cardColumn;
    private Boolean narrow;

    private PhoneGrid(Grid<T> grid) {
        this.grid = grid;
        ComponentUtil.setData(grid, PhoneGrid.class, this);
    }

    public static <T> PhoneGrid<T> of(Grid<T> grid) {
        return new PhoneGrid<>(grid);
    }

    /** The columns declared for this grid through {@link #of(Grid)}, or null (for tests and views that adapt it). */
    public static PhoneGrid<?> on(Grid<?> grid) {
        return ComponentUtil.getData(grid, PhoneGrid.class);
    }

    /** A text column of the table, and a field of the card (left out of the card when its text is empty). */
    public Grid.Column<T> text(String header, ValueProvider<T, ?> value) {
        Grid.Column<T> column = grid.addColumn(value).setHeader(header);
        fields.add(new Field<>(header, value, false));
        tableColumns.add(column);
        return column;
    }

    /** A component column of the table (a state, a button), and the same component in the card. */
    public Grid.Column<T> component(String header, ValueProvider<T, ? extends Component> value) {
        Grid.Column<T> column = grid.addComponentColumn(value::apply).setHeader(header);
        fields.add(new Field<>(header, value, true));
        tableColumns.add(column);
        return column;
    }

    /** {@link #cardsOnPhones(String)} under the first column's header. */
    public PhoneGrid<T> cardsOnPhones() {
        return cardsOnPhones(fields.get(0).header());
    }

    /**
     * Adds the card column (hidden on wide windows) with the given header, and follows the window's width from
     * when the grid is attached: at once if the browser's details are known, else when they arrive, and on resize.
     */
    public PhoneGrid<T> cardsOnPhones(String header) {
        cardColumn = grid.addComponentColumn(this::card).setHeader(header).setFlexGrow(1).setKey("card");
        cardColumn.setVisible(false);
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ExtendedClientDetails known = ui.getInternals().getExtendedClientDetails();
            if (known != null) {
                layoutFor(known.getWindowInnerWidth());
            } else {
                ui.getPage().retrieveExtendedClientDetails(details -> layoutFor(details.getWindowInnerWidth()));
            }
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> layoutFor(e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
        return this;
    }

    /** Shows the table on a window of this width, or the cards on a narrower one. */
    public void layoutFor(int windowWidth) {
        boolean phone = windowWidth > 0 && windowWidth < NARROW_PX;
        if (narrow != null && narrow == phone) {
            return;
        }
        narrow = phone;
        tableColumns.forEach(column -> column.setVisible(!phone));
        cardColumn.setVisible(phone);
    }

    /** Whether the grid shows cards now. */
    public boolean showsCards() {
        return Boolean.TRUE.equals(narrow);
    }

    private Component card(T item) {
        Div card = new Div();
        card.addClassName("sh-grid-card");
        boolean first = true;
        for (Field<T> field : fields) {
            Object value = field.value().apply(item);
            if (value == null || (!field.component() && value.toString().isBlank()) || (field.component() && isEmpty((Component) value))) {
                continue;
            }
            if (first && !field.component()) {
                Div title = new Div(value.toString());
                title.addClassName("sh-grid-card-title");
                card.add(title);
            } else {
                Span label = new Span(field.header());
                label.addClassName("sh-grid-card-label");
                Span pair = new Span(label);
                pair.addClassName("sh-grid-card-field");
                if (field.component()) {
                    pair.add((Component) value);
                } else {
                    pair.add(new Span(value.toString()));
                }
                card.add(pair);
            }
            first = false;
        }
        return card;
    }

    /** An empty placeholder (a cell with no button for this row) is left out of the card. */
    private static boolean isEmpty(Component component) {
        return component.getElement().getChildCount() == 0 && component.getElement().getText().isBlank()
                && !component.getElement().isVirtualChild() && component.getElement().getTag().equals("span");
    }
}
