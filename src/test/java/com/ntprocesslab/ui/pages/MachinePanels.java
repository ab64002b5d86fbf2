package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The panels next to a console: process tree, the selected process's tabs, inspector and stage timeline. */
public class MachinePanels {

    /** The cell contents of the grid row whose first cell reads the image (rows live in the grid's shadow DOM). */
    private static final String ROW_CELLS = "(grid, image) => { const rows = [...grid.shadowRoot.querySelectorAll('tr[part~=\"row\"]')];"
            + " const cellsOf = r => [...r.querySelectorAll('slot')].map(s => s.assignedElements()[0]).filter(e => e);"
            + " const row = rows.find(r => (cellsOf(r)[0]?.textContent ?? '') === image);"
            + " const cells = row ? cellsOf(row) : [];";

    private final Page page;

    public MachinePanels(Page page) {
        this.page = page;
    }

    public Locator processTree() {
        return page.locator("#process-tree");
    }

    /** The tree's image cell of a process; a grid keeps its cells in the light DOM. */
    public Locator processCell(String image) {
        return page.locator("#process-tree vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(image));
    }

    /** The tree row of a process as text, its cells joined: image, PID, parent, state, threads, exit status. */
    public String processRowText(String image) {
        return (String) processTree().evaluate(ROW_CELLS + " return cells.map(c => c.textContent).join('|'); }", image);
    }

    /** Clicks the process's PID cell: a click on the image cell of a parent folds its children instead. */
    public void selectProcess(String image) {
        processCell(image).first().waitFor();
        processTree().evaluateHandle(ROW_CELLS + " return cells[1]; }", image).asElement().click();
        page.waitForCondition(() -> selectedProcess().textContent().startsWith(image));
    }

    public Locator selectedProcess() {
        return page.locator("#selected-process");
    }

    public void openTab(String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /**
     * The text of the cells a grid marks with a part name ("added", "changed"): the marked cells
     * live in the grid's shadow DOM, their content is slotted in from the light DOM.
     */
    public java.util.List<String> marked(String gridId, String part) {
        @SuppressWarnings("unchecked")
        java.util.List<String> texts = (java.util.List<String>) page.locator("#" + gridId).evaluate("""
                (grid, part) => [...grid.shadowRoot.querySelectorAll('td')]
                    .filter(td => (td.getAttribute('part') || '').split(' ').includes(part))
                    .map(td => { const slot = td.querySelector('slot');
                                 return slot ? slot.assignedNodes().map(n => n.textContent).join('').trim() : ''; })
                    .filter(text => text.length > 0)""", part);
        return texts;
    }

    public Locator handleCells() {
        return page.locator("#handle-grid vaadin-grid-cell-content");
    }

    public Locator moduleCells() {
        return page.locator("#module-grid vaadin-grid-cell-content");
    }

    public Locator threadCells() {
        return page.locator("#thread-grid vaadin-grid-cell-content");
    }

    /** An address link inside one of the tables or the inspector. */
    public Locator addressLink(String address) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the object at " + address)).first();
    }

    public Locator inspectorHeading() {
        return page.locator("#inspector-heading");
    }

    public void inspect(String address) {
        page.locator("#inspector-address input").fill(address);
        page.locator("#inspector-go").click();
    }

    public Locator inspectorAddress() {
        return page.locator("#inspector-address");
    }

    public void inspectorBack() {
        page.locator("#inspector-back").click();
    }

    public Locator inspectorFields() {
        return page.locator("#inspector-fields vaadin-grid-cell-content");
    }

    /** Scrolls the inspected structure to its last fields, as a student scrolling down would. */
    public void scrollInspectorToEnd() {
        page.locator("#inspector-fields").evaluate("grid => grid.scrollToIndex(grid._flatSize ?? 1000)");
    }

    /** The address links among the inspected structure's rendered fields. */
    public Locator inspectorLinks() {
        return page.locator("#inspector-fields .address-link");
    }

    public Locator stages() {
        return page.locator("#stage-list li");
    }

    public Locator currentStage() {
        return page.locator("#stage-list li.current");
    }

    public Locator stopLocation() {
        return page.locator("#stop-location");
    }

    public Locator callStack() {
        return page.locator("#call-stack li");
    }

    public Locator stepButton(String command) {
        return page.locator("#step-buttons vaadin-button").filter(new Locator.FilterOptions().setHasText(command)).first();
    }

    public void step(String command) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(command + ":")).first().click();
    }
}
