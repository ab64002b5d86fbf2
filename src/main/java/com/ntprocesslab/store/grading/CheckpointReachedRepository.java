package com.ntprocesslab.store.grading;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CheckpointReachedRepository extends JpaRepository<CheckpointReached, Long> {

    List<CheckpointReached> findByStudentIdAndLabId(Long studentId, String labId);

    List<CheckpointReached> findByStudentId(Long studentId);

    List<CheckpointReached> findByLabId(String labId);

    List<CheckpointReached> findByMachineIdOrderByLogPosition(Long machineId);

    boolean existsByStudentIdAndLabIdAndCheckpointId(Long studentId, String labId, String checkpointId);
}
