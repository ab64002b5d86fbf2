package com.ntprocesslab.store.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    List<Enrollment> findByClassroomIdOrderByJoinedAt(Long classroomId);

    long countByClassroomId(Long classroomId);

    boolean existsByClassroomIdAndStudentId(Long classroomId, Long studentId);
}
