package com.ntprocesslab.store.classroom;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    List<Enrollment> findByClassroomIdOrderByJoinedAt(Long classroomId);

    long countByClassroomId(Long classroomId);

    List<Enrollment> findByClassroomIdIn(Collection<Long> classroomIds);

    boolean existsByClassroomIdAndStudentId(Long classroomId, Long studentId);

    List<Enrollment> findByStudentId(Long studentId);
}
