package com.ntprocesslab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.session.Lectures;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The limit of lecture mode, as it is: a lecture lives in the memory of the node where the
 * instructor started it. A student whose browser the load balancer sends to that node follows
 * it; on another node of the same cluster the lecture does not exist and the page says none is
 * running. (The README says so; lifting it needs the lecture, its followers and its push shared
 * between nodes.)
 */
class LectureAcrossNodesTest {

    private static PostgresServer postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        postgres = PostgresServer.start();
        String database = postgres.newDatabase();
        nodeA = PostgresServer.node(database, "node-a");
        nodeB = PostgresServer.node(database, "node-b");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        postgres.close();
    }

    @Test
    void aLectureIsFollowedOnlyOnTheNodeWhereItWasStarted() {
        AccountService accounts = nodeA.getBean(AccountService.class);
        accounts.create("lecturer", "password-123", Role.INSTRUCTOR);
        Classroom classroom = nodeA.getBean(ClassroomService.class).create("lecturer", "Lecture class");
        accounts.signUpStudent("on-a", "password-123", classroom.getJoinCode());
        accounts.signUpStudent("on-b", "password-123", classroom.getJoinCode());

        nodeA.getBean(Lectures.class).start("lecturer", classroom.getId());

        Lectures.Following onA = nodeA.getBean(Lectures.class).follow("on-a", classroom.getId(), change -> { });
        assertThat(onA.instructor()).isEqualTo("lecturer");
        onA.stop().run();
        Lectures lecturesOnB = nodeB.getBean(Lectures.class);
        assertThat(lecturesOnB.isRunning("on-b", classroom.getId())).as("node B does not know node A's lecture").isFalse();
        assertThatThrownBy(() -> lecturesOnB.follow("on-b", classroom.getId(), change -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No lecture is running");
    }
}
