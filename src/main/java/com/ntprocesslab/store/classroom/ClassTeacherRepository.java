package com.ntprocesslab.store.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClassTeacherRepository extends JpaRepository<ClassTeacher, Long> {

    List<ClassTeacher> findByInstructorId(Long instructorId);

    List<ClassTeacher> findByClassroomIdOrderById(Long classroomId);

    boolean existsByClassroomIdAndInstructorId(Long classroomId, Long instructorId);
}
