package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An instructor's class. Students join it by typing its join code at sign-up. */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Classroom extends GeneratedIdEntity {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Getter(AccessLevel.NONE)
    @Column(name = "archived_at")
    private Instant archivedAt;

    Classroom(String name, Long instructorId, String joinCode, Instant createdAt) {
        this.name = name;
        this.instructorId = instructorId;
        this.joinCode = joinCode;
        this.createdAt = createdAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    void rename(String name) {
        this.name = name;
    }

    void archive(Instant when) {
        this.archivedAt = when;
    }

    void restore() {
        this.archivedAt = null;
    }
}
