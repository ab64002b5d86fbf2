package com.ntprocesslab.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.ntprocesslab.access.SixPersonas;
import com.ntprocesslab.access.SixPersonas.Persona;
import com.ntprocesslab.access.SixPersonas.Target;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LoginPage;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page of the application, opened in Chromium by each kind of visitor on real and
 * forged ids: the routes come from Vaadin's own registry, so a new route without a row here
 * fails the test. A visitor who may not see a page gets the sign-in page (anonymous) or the
 * plain "Not found" page, and another user's object reads exactly like an id nothing has.
 */
class RouteAccessMatrixIT extends BrowserTest {

    enum Outcome { SHOWN, LOGIN, NOT_FOUND }

    private static final String LAB = SixPersonas.LAB;
    private static final String NOT_FOUND = "h2:text-is('Not found')";

    @Autowired
    ServletContext servletContext;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LabMachines labMachines;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * One page: its address for a target, what only it shows once open, and who may see it.
     *
     * @param template the route as Vaadin registers it
     */
    private record Route(String template, String shown, BiFunction<Persona, Target, Boolean> allowed, boolean withId) {
    }

    private SixPersonas world;

    private List<Route> routes() {
        BiFunction<Persona, Target, Boolean> anyone = (persona, target) -> true;
        BiFunction<Persona, Target, Boolean> signedIn = (persona, target) -> persona.signedIn();
        BiFunction<Persona, Target, Boolean> instructors = (persona, target) -> persona.instructor();
        BiFunction<Persona, Target, Boolean> owner = Persona::owns;
        BiFunction<Persona, Target, Boolean> teacher = Persona::teaches;
        return List.of(
                new Route("login", "vaadin-login-form", anyone, false),
                new Route("signup", "#signup-error", anyone, false),
                // home: the catalog for a student, the dashboard for an instructor
                new Route("", "#lab-list, #dashboard-classes, #dashboard-classes-none", signedIn, false),
                new Route("labs", "#lab-list", signedIn, false),
                new Route("profile", "#change-password", signedIn, false),
                new Route("sandbox", "#console-input", signedIn, false),
                // Labs are the same for everyone: a lab id is real or missing, never another user's.
                new Route("lab", "#lab-readme", (persona, target) -> persona.signedIn() && target == Target.OWN, true),
                new Route("machine", "#console-input", owner, true),
                new Route("instructor/classes", "#classes", instructors, false),
                new Route("instructor/replay-report", "#divergences", instructors, false),
                new Route("instructor/class", "#class-grid", teacher, true),
                new Route("instructor/machine", "#read-only-note", teacher, true),
                new Route("instructor", "#dashboard-classes, #dashboard-classes-none", instructors, false),
                // A class's lecture: its teachers host it, its students follow it; for anyone else the class does not exist.
                new Route("lecture", "#lecture-status", (persona, target) -> teacher.apply(persona, target)
                        || persona.owns(target), true),
                new Route("admin/accounts", "#create-instructor", (persona, target) -> persona == Persona.ADMIN, false));
    }

    private String address(Route route, Target target) {
        if (!route.withId()) {
            return route.template();
        }
        if (route.template().equals("lab")) {
            return "lab/" + (target == Target.MISSING ? "no-such-lab" : LAB);
        }
        boolean aClass = route.template().equals("instructor/class") || route.template().equals("lecture");
        long id = aClass ? world.classId(target) : world.machine(target);
        return route.template() + "/" + id;
    }

    private void givenTwoClassesWithTheirTeachersStudentsAndAnAdministrator() {
        world = SixPersonas.create(persona -> uniqueUsername("route-" + persona.name().toLowerCase().replace('_', '-')), PASSWORD,
                "Route class", accounts, classrooms, labMachines, jdbc);
    }

    /** The routes Vaadin serves, as templates without their parameter ("lab/:___url_parameter" is "lab"). */
    private Set<String> registeredRoutes() {
        Set<String> templates = new TreeSet<>();
        ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)).getRegisteredRoutes()
                .forEach(route -> templates.add(route.getTemplate().replaceAll("/?:[^/]+$", "")));
        return templates;
    }

    @Test
    void everyRouteHasARowAndEveryVisitorGetsThePageTheSignInPageOrNotFound() {
        assertThat(routes()).extracting(Route::template).containsExactlyInAnyOrderElementsOf(registeredRoutes());
        givenTwoClassesWithTheirTeachersStudentsAndAnAdministrator();
        SoftAssertions softly = new SoftAssertions();
        int visits = 0;
        for (Persona persona : Persona.values()) {
            try (BrowserContext visitor = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
                visitor.setDefaultTimeout(20_000);
                Page tab = visitor.newPage();
                if (persona != Persona.ANONYMOUS) {
                    new LoginPage(tab).open(url("")).signIn(world.name(persona), PASSWORD);
                    tab.waitForURL(u -> !u.contains("/login"));
                }
                for (Route route : routes()) {
                    Map<Target, String> notFoundTexts = new LinkedHashMap<>();
                    for (Target target : route.withId() ? List.of(Target.values()) : List.of(Target.OWN)) {
                        if (route.template().equals("lab") && target == Target.FOREIGN) {
                            continue;
                        }
                        String address = address(route, target);
                        Outcome expected = persona == Persona.ANONYMOUS && !route.allowed().apply(persona, target) ? Outcome.LOGIN
                                : route.allowed().apply(persona, target) ? Outcome.SHOWN : Outcome.NOT_FOUND;
                        Outcome outcome = visit(tab, route, address);
                        visits++;
                        softly.assertThat(outcome).as(persona + " opens /" + address).isEqualTo(expected);
                        if (outcome == Outcome.NOT_FOUND) {
                            String id = address.substring(address.lastIndexOf('/') + 1);
                            notFoundTexts.put(target, tab.locator(NOT_FOUND).first().locator("xpath=..").innerText()
                                    .replaceAll("\\b" + Pattern.quote(id) + "\\b", "{id}"));
                        }
                    }
                    if (notFoundTexts.containsKey(Target.FOREIGN) && notFoundTexts.containsKey(Target.MISSING)) {
                        softly.assertThat(notFoundTexts.get(Target.FOREIGN)).as(persona + ": another user's /" + route.template()
                                + " reads like a missing one").isEqualTo(notFoundTexts.get(Target.MISSING));
                    }
                }
            }
        }
        softly.assertThat(visits).as("every route x visitor x target was opened").isEqualTo(6 * (10 + 2 + 4 * 3));
        softly.assertAll();
    }

    /** Opens the address and waits until the page shows itself, the sign-in form or "Not found". */
    private Outcome visit(Page tab, Route route, String address) {
        tab.navigate(url(address));
        Locator settled = tab.locator(route.shown() + ", " + NOT_FOUND + ", vaadin-login-form").first();
        // The sign-up page's error line is empty until there is an error: there, being on the page is enough.
        settled.waitFor(new Locator.WaitForOptions().setState(
                route.shown().equals("#signup-error") ? WaitForSelectorState.ATTACHED : WaitForSelectorState.VISIBLE));
        if (tab.url().contains("/login") && !route.template().equals("login")) {
            return Outcome.LOGIN;
        }
        if (tab.locator(NOT_FOUND).count() > 0 && tab.locator(NOT_FOUND).first().isVisible()) {
            return Outcome.NOT_FOUND;
        }
        return tab.locator(route.shown()).count() > 0 ? Outcome.SHOWN : Outcome.NOT_FOUND;
    }
}
