package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.ReadmeWalk;
import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.CatalogPage;
import com.ntprocesslab.ui.pages.ClassGridPage;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.SignupPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every lab as a new student lives it: sign up with the class's join code, open the lab from
 * the catalog, type the commands of the README's command blocks in order (read from the
 * Markdown now, not copied here), press Check where the README says and once at the end; then
 * every checkpoint is passed on the lab page, in the catalog, in the instructor's grid and in
 * the CSV. Two labs the same in Chinese. And every deliberately wrong solution stops at the
 * checkpoint it expects, with the expected feedback, on the lab page.
 */
class LabsAsStudentsLiveThemIT extends BrowserTest {

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect\\s+(\\S+)\\s+fails:\\s*(.+)");

    @Autowired
    Labs labs;

    @Autowired
    ClassroomService classrooms;

    static Stream<Arguments> readmes() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("labs"))) {
            List<String> ids = folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
            return Stream.concat(ids.stream().map(id -> Arguments.of(id, Language.EN)),
                    Stream.of(Arguments.of("04-suspended-start", Language.ZH_CN), Arguments.of("11-two-kernels", Language.ZH_CN)));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("readmes")
    void theReadmeFollowedLiterallyPassesEveryCheckpointEverywhere(String labId, Language language) {
        Lab lab = labs.lab(labId);
        String instructor = uniqueUsername("teacher");
        accounts.create(instructor, PASSWORD, Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(instructor, "Class " + instructor);
        String student = uniqueUsername("student");
        new LoginPage(page).open(url("")).goToSignup();
        new SignupPage(page).signUp(student, PASSWORD, PASSWORD, classroom.getJoinCode());
        page.waitForURL(u -> u.contains("/login"));
        new LoginPage(page).open(url("")).signIn(student, PASSWORD);
        CatalogPage catalog = new CatalogPage(page).waitUntilShown();
        if (language == Language.ZH_CN) {
            catalog.chooseLanguage("简体中文");
        }
        catalog.openLab(lab.title().in(language));
        LabPage page = new LabPage(this.page);
        page.commandLine().waitFor();

        for (ReadmeWalk.Step step : ReadmeWalk.of(lab.readme().in(language)).steps()) {
            switch (step) {
                case ReadmeWalk.Type type -> page.runAccepted(type.command());
                case ReadmeWalk.Check check -> page.checkAndWait();
            }
        }
        page.checkAndWait();

        for (Checkpoint checkpoint : lab.checkpoints()) {
            assertThat(page.checkpoint(checkpoint.id())).hasClass(Pattern.compile("\\bpassed\\b"));
        }
        assertThat(page.completion()).isVisible();
        assertThat(page.completion()).containsText(language == Language.EN ? "Lab complete" : "实验完成");
        screenshot("readme-" + labId + "-" + language.name().toLowerCase());

        int n = lab.checkpoints().size();
        String progress = language == Language.EN ? n + " of " + n + " checkpoints passed" : "已通过 " + n + " / " + n + " 个检查点";
        String catalogRow = new CatalogPage(this.page).open(url("labs")).row(lab.title().in(language));
        assertThat(catalogRow).contains(progress)
                .containsPattern(language == Language.EN ? "beginner|intermediate|advanced" : "入门|中级|高级");

        context.clearCookies();
        new LoginPage(this.page).open(url("")).signIn(instructor, PASSWORD);
        this.page.waitForURL(u -> !u.contains("/login"));
        ClassGridPage grid = new ClassGridPage(this.page).open(url("instructor/class/" + classroom.getId()));
        grid.grid().waitFor();
        grid.chooseLab(lab.title().in(Language.EN));
        String row = grid.row(student);
        assertThat(row.split("\\|")).filteredOn(cell -> cell.startsWith("passed")).hasSize(n);
        assertThat(row).contains(n + " / " + n);
        String csv = grid.downloadCsv().lines().filter(line -> line.startsWith(student + ",")).findFirst().orElseThrow();
        assertThat(csv).startsWith(student + "," + n + "," + n + ",");
        assertThat(csv.split(",")).filteredOn("passed"::equals).hasSize(n);
    }

    static Stream<Path> wrongSolutions() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/labs-wrong"))) {
            return files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSolutions")
    void aWrongSolutionStopsAtTheCheckpointItMissesWithTheExpectedFeedback(Path file) throws IOException {
        Lab lab = labs.lab(file.getParent().getFileName().toString());
        List<String> lines = Files.readAllLines(file);
        signedIn(this.page, "wrong", Role.STUDENT);
        LabPage page = new LabPage(this.page).open(url("lab/" + lab.id()));
        lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(page::runAccepted);

        page.checkAndWait();

        assertThat(page.completion()).isHidden();
        for (String line : lines) {
            Matcher expect = EXPECT.matcher(line.strip());
            if (expect.matches()) {
                assertThat(page.checkpoint(expect.group(1))).hasClass(Pattern.compile("\\bnext\\b"));
                assertThat(page.checkpoint(expect.group(1))).containsText(expect.group(2).strip());
            }
        }
    }
}
