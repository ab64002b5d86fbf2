package com.ntprocesslab.store.classroom;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClassroomRepository extends JpaRepository<Classroom, Long> {

    Optional<Classroom> findByJoinCode(String joinCode);

    List<Classroom> findByInstructorIdOrderByCreatedAtDesc(Long instructorId);

    List<Classroom> findByIdInOrderByCreatedAtDesc(Collection<Long> ids);

    boolean existsByJoinCode(String joinCode);
}
