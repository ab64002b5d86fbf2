package com.ntprocesslab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.token.AccessTokens;
import com.ntprocesslab.store.token.CreatedAccessToken;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the HTTP API over real HTTP against the running server on a real H2
 * database, and every way in that must be refused: another student's machine, another
 * instructor's class, a student asking for class results, no token, a revoked or made-up token,
 * forged ids, and too many requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIT {

    private static final String PASSWORD = "api-test-pass-31";
    private static final String LAB = "01-tour";
    private static final long MISSING_ID = 987_654_321L;
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    ClassResults results;
    @Autowired
    Labs labs;

    private String student;
    private ApiClient asStudent;

    @BeforeEach
    void aStudentWithAToken() {
        student = account("api-student", Role.STUDENT);
        asStudent = client(student);
    }

    @Test
    void theLabsAreListedWithTheCallersProgress() {
        ApiClient.Reply reply = asStudent.get("api/v1/labs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("X-RateLimit-Remaining")).as("a fresh token's first call").isEqualTo("299");
        JsonNode tour = find(reply.json(), "id", LAB);
        assertThat(tour.get("title").get("en").asString()).isEqualTo(labs.lab(LAB).title().en());
        assertThat(tour.get("title").get("zh-CN").asString()).isEqualTo(labs.lab(LAB).title().zhCn());
        assertThat(tour.get("profile").asString()).isEqualTo("modern");
        assertThat(tour.get("checkpoints").asInt()).isEqualTo(labs.lab(LAB).checkpoints().size());
        assertThat(tour.get("passed").asInt()).isZero();
        assertThat(tour.get("started").asBoolean()).isFalse();
    }

    @Test
    void aCommandOnTheSandboxIsAnsweredLoggedAndInTheSnapshot() {
        long machineId = asStudent.post("api/v1/sandbox").json().get("machineId").asLong();
        assertThat(asStudent.post("api/v1/sandbox").json().get("machineId").asLong()).as("the same sandbox again").isEqualTo(machineId);

        ApiClient.Reply answer = asStudent.command(machineId, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        ApiClient.Reply rejected = asStudent.command(machineId, "frobnicate now");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asBoolean()).isTrue();
        assertThat(answer.json().get("output").asString()).contains("notepad.exe");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("accepted").asBoolean()).isFalse();
        assertThat(rejected.json().get("output").asString()).contains("frobnicate");
        JsonNode history = asStudent.get("api/v1/machines/" + machineId + "/history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("command").asString()).isEqualTo(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        assertThat(history.get(0).get("output").asString()).isEqualTo(answer.json().get("output").asString());
        JsonNode snapshot = asStudent.get("api/v1/machines/" + machineId + "/snapshot").json();
        assertThat(snapshot.get("machineId").asLong()).isEqualTo(machineId);
        assertThat(snapshot.get("logPosition").asLong()).isEqualTo(1);
        assertThat(snapshot.get("snapshot").isObject()).as("the snapshot is JSON, not a string of it").isTrue();
        assertThat(snapshot.get("snapshot").toString()).contains("notepad.exe");
    }

    @Test
    void aLabMachineIsSetUpAndCheckGradesItsHistoryUntilComplete() {
        Lab lab = labs.lab(LAB);
        long machineId = asStudent.post("api/v1/labs/" + LAB + "/machine").json().get("machineId").asLong();
        assertThat(asStudent.post("api/v1/labs/" + LAB + "/machine").json().get("machineId").asLong()).isEqualTo(machineId);
        assertThat(asStudent.get("api/v1/machines/" + machineId + "/history").json()).hasSize(lab.setup().size());

        JsonNode first = asStudent.post("api/v1/labs/" + LAB + "/check").json();
        assertThat(first.get("complete").asBoolean()).isFalse();
        assertThat(first.get("checkpoints").get(0).get("status").asString()).isEqualTo("next");
        assertThat(first.get("checkpoints").get(0).get("feedback").get("en").asString()).isNotBlank();
        for (ScriptLine line : lab.solution()) {
            assertThat(asStudent.command(machineId, line.command()).json().get("accepted").asBoolean()).as(line.command()).isTrue();
        }
        JsonNode done = asStudent.post("api/v1/labs/" + LAB + "/check").json();

        assertThat(done.get("complete").asBoolean()).isTrue();
        for (JsonNode checkpoint : done.get("checkpoints")) {
            assertThat(checkpoint.get("status").asString()).isEqualTo("passed");
            assertThat(checkpoint.get("reached").get("position").asLong()).isPositive();
        }
        assertThat(done.get("nextLab").asString()).isEqualTo("02-call-chain");
        assertThat(find(asStudent.get("api/v1/labs").json(), "id", LAB).get("passed").asInt()).isEqualTo(lab.checkpoints().size());
    }

    @Test
    void anInstructorReadsTheirClassResultsAsTheGridAndItsCsv() throws Exception {
        String instructor = account("api-teacher", Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(instructor, "API class");
        accounts.signUpStudent(uniqueName("api-enrolled"), PASSWORD, classroom.getJoinCode());
        String pupil = uniqueName("api-pupil");
        classrooms.enroll(classroom, accounts.create(pupil, PASSWORD, Role.STUDENT));
        ApiClient asPupil = client(pupil);
        long machineId = asPupil.post("api/v1/labs/" + LAB + "/machine").json().get("machineId").asLong();
        asPupil.command(machineId, "!process 0 0");
        asPupil.post("api/v1/labs/" + LAB + "/check");
        ApiClient asInstructor = client(instructor);

        JsonNode classes = asInstructor.get("api/v1/classes").json();
        JsonNode grid = asInstructor.get("api/v1/classes/" + classroom.getId() + "/labs/" + LAB + "/results").json();
        ApiClient.Reply csv = asInstructor.get("api/v1/classes/" + classroom.getId() + "/labs/" + LAB + "/results.csv");

        JsonNode listed = find(classes, "id", String.valueOf(classroom.getId()));
        assertThat(listed.get("name").asString()).isEqualTo("API class");
        assertThat(listed.get("joinCode").asString()).isEqualTo(classroom.getJoinCode());
        assertThat(listed.get("students").asLong()).isEqualTo(2);
        assertThat(grid.get("className").asString()).isEqualTo("API class");
        assertThat(grid.get("students")).hasSize(2);
        JsonNode row = find(grid.get("students"), "student", pupil);
        assertThat(row.get("machineId").asLong()).isEqualTo(machineId);
        assertThat(row.get("checkpoints").get(0).get("checks").asInt()).isEqualTo(1);
        assertThat(row.get("lastActivity").asString()).isNotBlank();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        StringWriter expected = new StringWriter();
        results.writeCsv(results.grid(instructor, classroom.getId(), LAB), expected);
        assertThat(csv.body()).as("the same CSV as the class grid's download").isEqualTo(expected.toString());
    }

    @Test
    void anotherStudentsMachineIsNotFoundExactlyLikeAMachineThatDoesNotExist() {
        long machineId = asStudent.post("api/v1/sandbox").json().get("machineId").asLong();
        asStudent.command(machineId, "!process 0 0");
        ApiClient asOther = client(account("api-other-student", Role.STUDENT));
        String instructor = account("api-teacher-of-nobody", Role.INSTRUCTOR);

        for (ApiClient intruder : List.of(asOther, client(instructor))) {
            for (ApiClient.Reply reply : List.of(intruder.get("api/v1/machines/" + machineId + "/history"),
                    intruder.get("api/v1/machines/" + machineId + "/snapshot"),
                    intruder.command(machineId, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe"))) {
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.json().get("message").asString()).isEqualTo("Machine " + machineId + " was not found.");
            }
            ApiClient.Reply missing = intruder.get("api/v1/machines/" + MISSING_ID + "/history");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("message").asString()).isEqualTo("Machine " + MISSING_ID + " was not found.");
        }
        assertThat(asStudent.get("api/v1/machines/" + machineId + "/history").json()).as("nothing was added").hasSize(1);
    }

    @Test
    void classResultsAreForTheClassesTeachersOnly() {
        String instructor = account("api-owner-teacher", Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(instructor, "Private class");
        classrooms.enroll(classroom, accounts.create(uniqueName("api-member"), PASSWORD, Role.STUDENT));
        ApiClient otherInstructor = client(account("api-other-teacher", Role.INSTRUCTOR));
        String results = "api/v1/classes/" + classroom.getId() + "/labs/" + LAB + "/results";

        assertThat(asStudent.get("api/v1/classes").status()).isEqualTo(403);
        assertThat(asStudent.get("api/v1/classes").json().get("error").asString()).isEqualTo("forbidden");
        for (ApiClient intruder : List.of(asStudent, otherInstructor)) {
            for (String path : List.of(results, results + ".csv")) {
                ApiClient.Reply reply = intruder.get(path);
                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.json().get("message").asString()).isEqualTo("Class " + classroom.getId() + " was not found.");
            }
        }
        assertThat(otherInstructor.get("api/v1/classes").json()).isEmpty();
        ApiClient.Reply forged = client(instructor).get("api/v1/classes/" + MISSING_ID + "/labs/" + LAB + "/results");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.json().get("message").asString()).isEqualTo("Class " + MISSING_ID + " was not found.");
        assertThat(client(instructor).get("api/v1/classes/" + classroom.getId() + "/labs/no-such-lab/results").status()).isEqualTo(404);
    }

    @Test
    void noTokenAMadeUpTokenAndARevokedTokenAreRefusedWith401() {
        CreatedAccessToken created = tokens.create(student, "soon revoked");
        ApiClient revocable = asStudent.withToken(created.secret());
        assertThat(revocable.get("api/v1/labs").status()).isEqualTo(200);
        tokens.revoke(student, created.token().getId());

        List<ApiClient.Reply> refused = new ArrayList<>(List.of(revocable.get("api/v1/labs"), revocable.post("api/v1/sandbox"),
                asStudent.withToken(null).get("api/v1/labs"), asStudent.withToken(null).post("api/v1/sandbox"),
                asStudent.withToken("ntlab_" + "A".repeat(43)).get("api/v1/labs"),
                asStudent.withToken("not-even-ours").get("api/v1/labs")));

        for (ApiClient.Reply reply : refused) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(reply.json().get("error").asString()).isEqualTo("unauthorized");
            assertThat(reply.json().get("message").asString()).contains("profile page");
        }
        assertThat(asStudent.get("api/v1/labs").status()).as("the student's other token still works").isEqualTo(200);
    }

    @Test
    void theApiIsStatelessAndNeedsNoCsrfToken() {
        ApiClient.Reply opened = asStudent.post("api/v1/sandbox");

        assertThat(opened.status()).as("a POST without any CSRF token").isEqualTo(200);
        assertThat(opened.response().headers().allValues("Set-Cookie")).as("no session cookie").isEmpty();
        assertThat(asStudent.get("api/v1/labs").response().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void badRequestsAreRefusedWithASentence() {
        long machineId = asStudent.post("api/v1/sandbox").json().get("machineId").asLong();

        ApiClient.Reply noBody = asStudent.post("api/v1/machines/" + machineId + "/commands", "not json");
        ApiClient.Reply noCommand = asStudent.post("api/v1/machines/" + machineId + "/commands", "{}");
        ApiClient.Reply notAnId = asStudent.get("api/v1/machines/abc/history");
        ApiClient.Reply noLab = asStudent.post("api/v1/labs/no-such-lab/machine");

        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noCommand.status()).isEqualTo(400);
        assertThat(noCommand.json().get("message").asString()).contains("\"command\"");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(noLab.status()).isEqualTo(404);
        assertThat(noLab.json().get("message").asString()).isEqualTo("There is no lab 'no-such-lab'.");
        assertThat(asStudent.get("api/v1/machines/" + machineId + "/history").json()).isEmpty();
        ApiClient.Reply unknown = asStudent.get("api/v1/no-such-call");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).startsWith("There is no API call GET /api/v1/no-such-call");
    }

    @Test
    void aTokenPastItsLimitGets429WithRetryAfterAndOtherTokensGoOn() {
        int sent = 0;
        ApiClient.Reply reply;
        long start = System.nanoTime();
        do {
            reply = asStudent.get("api/v1/machines/" + MISSING_ID + "/history");
            sent++;
        } while (reply.status() != 429 && sent < 5_000);
        double seconds = (System.nanoTime() - start) / 1e9;

        // 300 at once, then 300 a minute come back evenly (5 a second) while the loop runs.
        assertThat(sent).as("refused only past the limit, and as soon as it is spent").isBetween(301, 301 + (int) Math.ceil(seconds * 5));
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 60);
        assertThat(reply.json().get("error").asString()).isEqualTo("too_many_requests");
        assertThat(reply.json().get("message").asString()).contains("try again in");
        assertThat(client(student).get("api/v1/labs").status()).as("another token of the same student").isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionNamesEveryEndpointAndNeedsNoToken() {
        ApiClient.Reply reply = asStudent.withToken(null).get("api/v1/openapi");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode paths = reply.json().get("paths");
        assertThat(paths.propertyNames()).containsExactlyInAnyOrder("/api/v1/labs", "/api/v1/labs/{labId}/machine",
                "/api/v1/labs/{labId}/check", "/api/v1/sandbox", "/api/v1/machines/{machineId}/commands",
                "/api/v1/machines/{machineId}/history", "/api/v1/machines/{machineId}/snapshot", "/api/v1/classes",
                "/api/v1/classes/{classId}/labs/{labId}/results", "/api/v1/classes/{classId}/labs/{labId}/results.csv");
        assertThat(reply.json().get("components").get("securitySchemes").get("personal-access-token").get("scheme").asString())
                .isEqualTo("bearer");
    }

    private String account(String prefix, Role role) {
        String name = uniqueName(prefix);
        accounts.create(name, PASSWORD, role);
        return name;
    }

    private ApiClient client(String username) {
        return new ApiClient("http://localhost:" + port + "/", tokens.create(username, "api test").secret());
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asString().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("No element with " + field + " = " + value + " in " + array);
    }
}
