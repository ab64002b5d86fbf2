package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassesPage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Times an instructor reads are in their browser's zone, whatever the server's is: the same
 * join time reads differently from Auckland and from Los Angeles, each as local time there.
 */
class BrowserTimeZoneIT extends BrowserTest {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    ClassroomService classrooms;

    @Test
    void theRosterShowsWhenAStudentJoinedInTheBrowsersZone() {
        String teacher = uniqueUsername("zone-teacher");
        accounts.create(teacher, PASSWORD, Role.INSTRUCTOR);
        String className = "Zones " + uniqueUsername("class");
        Classroom classroom = classrooms.create(teacher, className);
        accounts.signUpStudent(uniqueUsername("zone-student"), PASSWORD, classroom.getJoinCode());
        Instant joined = classrooms.roster(teacher, classroom.getId()).getFirst().joinedAt();

        String auckland = rosterAsSeenFrom("Pacific/Auckland", teacher, className);
        String losAngeles = rosterAsSeenFrom("America/Los_Angeles", teacher, className);

        assertThat(auckland).contains(MINUTES.withZone(ZoneId.of("Pacific/Auckland")).format(joined));
        assertThat(losAngeles).contains(MINUTES.withZone(ZoneId.of("America/Los_Angeles")).format(joined));
        assertThat(auckland).isNotEqualTo(losAngeles);
    }

    private String rosterAsSeenFrom(String zone, String teacher, String className) {
        browseFrom(zone);
        new com.ntprocesslab.ui.pages.LoginPage(page).open(url("")).signIn(teacher, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));
        ClassesPage classes = new ClassesPage(page).open(url(""));
        classes.openRoster(className);
        assertThat(classes.roster()).containsText("zone-student");
        return classes.roster().innerText();
    }
}
