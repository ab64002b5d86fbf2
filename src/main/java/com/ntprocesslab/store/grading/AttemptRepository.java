package com.ntprocesslab.store.grading;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    long countByStudentIdAndLabIdAndCheckpointIdAndKindAndPassedFalse(Long studentId, String labId, String checkpointId,
                                                                     Attempt.Kind kind);

    List<Attempt> findByStudentIdAndLabIdOrderById(Long studentId, String labId);

    List<Attempt> findByLabIdOrderById(String labId);
}
