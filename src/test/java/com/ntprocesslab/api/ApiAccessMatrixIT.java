package com.ntprocesslab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.access.SixPersonas;
import com.ntprocesslab.access.SixPersonas.Persona;
import com.ntprocesslab.access.SixPersonas.Target;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.token.AccessTokens;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.function.BiPredicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the HTTP API, listed from Spring's own handler mappings (a new endpoint
 * without a row fails the test), called over real HTTP by each kind of caller with a token of
 * their own (or none) on real and forged ids: 200 for the caller it belongs to, 401 without a
 * token, and for everyone else a refusal, where another user's id answers exactly like an id
 * nothing has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiAccessMatrixIT {

    private static final String PASSWORD = "api-matrix-pass-8";
    private static final String LAB = SixPersonas.LAB;
    private static final AtomicInteger RUNS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LabMachines labMachines;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext applicationContext;

    /** One endpoint: how it is called on an id, and who gets a 200. */
    private record Endpoint(String method, String pattern, boolean withId, BiPredicate<Persona, Target> allowed) {
    }

    private final Map<Persona, ApiClient> clients = new EnumMap<>(Persona.class);
    private SixPersonas world;

    private List<Endpoint> endpoints() {
        BiPredicate<Persona, Target> signedIn = (persona, target) -> persona.signedIn();
        BiPredicate<Persona, Target> onRealLab = (persona, target) -> persona.signedIn() && target != Target.MISSING;
        BiPredicate<Persona, Target> owner = Persona::owns;
        BiPredicate<Persona, Target> teacher = Persona::teaches;
        return List.of(
                new Endpoint("GET", "/api/v1/labs", false, signedIn),
                new Endpoint("POST", "/api/v1/labs/{labId}/machine", true, onRealLab),
                new Endpoint("POST", "/api/v1/labs/{labId}/check", true, onRealLab),
                new Endpoint("POST", "/api/v1/sandbox", false, signedIn),
                new Endpoint("POST", "/api/v1/machines/{machineId}/commands", true, owner),
                new Endpoint("GET", "/api/v1/machines/{machineId}/history", true, owner),
                new Endpoint("GET", "/api/v1/machines/{machineId}/snapshot", true, owner),
                new Endpoint("GET", "/api/v1/classes", false, (persona, target) -> persona.instructor()),
                new Endpoint("GET", "/api/v1/classes/{classId}/labs/{labId}/results", true, teacher),
                new Endpoint("GET", "/api/v1/classes/{classId}/labs/{labId}/results.csv", true, teacher));
    }

    /** Our endpoints as Spring maps them: "GET /api/v1/labs". */
    private Set<String> mappedEndpoints() {
        Set<String> mapped = new TreeSet<>();
        applicationContext.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("com.ntprocesslab.")) {
                        info.getMethodsCondition().getMethods().forEach(method -> info.getPatternValues()
                                .forEach(pattern -> mapped.add(method + " " + pattern)));
                    }
                }));
        return mapped;
    }

    private String path(Endpoint endpoint, Target target) {
        String labId = endpoint.pattern().startsWith("/api/v1/labs/") && target == Target.MISSING ? "no-such-lab" : LAB;
        return endpoint.pattern().substring(1).replace("{labId}", labId).replace("{machineId}", String.valueOf(world.machine(target)))
                .replace("{classId}", String.valueOf(world.classId(target)));
    }

    private void givenTwoClassesTheirTeachersStudentsAndAnAdministratorEachWithAToken() {
        String prefix = "apimx" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + "-";
        world = SixPersonas.create(persona -> prefix + persona.name().toLowerCase().replace('_', '-'), PASSWORD,
                "API matrix class", accounts, classrooms, labMachines, jdbc);
        String base = "http://localhost:" + port + "/";
        for (Persona persona : Persona.values()) {
            clients.put(persona, new ApiClient(base, persona == Persona.ANONYMOUS ? null
                    : tokens.create(world.name(persona), "matrix").secret()));
        }
    }

    private ApiClient.Reply call(ApiClient client, Endpoint endpoint, String path) {
        if (endpoint.method().equals("GET")) {
            return client.get(path);
        }
        return endpoint.pattern().endsWith("/commands") ? client.post(path, "{\"command\": \"lm\"}") : client.post(path);
    }

    @Test
    void everyEndpointAnswersItsOwnerAndRefusesEveryoneElseWithoutTellingWhatExists() {
        assertThat(endpoints()).extracting(endpoint -> endpoint.method() + " " + endpoint.pattern())
                .containsExactlyInAnyOrderElementsOf(mappedEndpoints());
        givenTwoClassesTheirTeachersStudentsAndAnAdministratorEachWithAToken();
        SoftAssertions softly = new SoftAssertions();
        int calls = 0;
        for (Persona persona : Persona.values()) {
            for (Endpoint endpoint : endpoints()) {
                Map<Target, String> refusals = new EnumMap<>(Target.class);
                for (Target target : endpoint.withId() ? List.of(Target.values()) : List.of(Target.OWN)) {
                    String path = path(endpoint, target);
                    ApiClient.Reply reply = call(clients.get(persona), endpoint, path);
                    calls++;
                    String what = persona + " " + endpoint.method() + " /" + path;
                    if (persona == Persona.ANONYMOUS) {
                        softly.assertThat(reply.status()).as(what).isEqualTo(401);
                    } else if (endpoint.allowed().test(persona, target)) {
                        softly.assertThat(reply.status()).as(what).isEqualTo(200);
                    } else {
                        softly.assertThat(reply.status()).as(what).isIn(403, 404);
                        String id = path.replaceAll(".*?/(\\d+|no-such-lab)(/.*)?$", "$1");
                        refusals.put(target, reply.status() + " " + reply.body().replaceAll("\\b" + Pattern.quote(id) + "\\b", "{id}"));
                    }
                }
                if (refusals.containsKey(Target.FOREIGN) && refusals.containsKey(Target.MISSING)) {
                    softly.assertThat(refusals.get(Target.FOREIGN)).as(persona + ": another user's id on " + endpoint.pattern()
                            + " answers like a missing one").isEqualTo(refusals.get(Target.MISSING));
                }
            }
        }
        softly.assertThat(calls).as("every endpoint x caller x target was called").isEqualTo(6 * (3 * 1 + 7 * 3));
        softly.assertAll();
    }
}
