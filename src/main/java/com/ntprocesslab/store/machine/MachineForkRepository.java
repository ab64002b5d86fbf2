package com.ntprocesslab.store.machine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MachineForkRepository extends JpaRepository<MachineFork, Long> {

    List<MachineFork> findBySourceMachineIdOrderById(Long sourceMachineId);

    List<MachineFork> findByForkedByOrderByIdDesc(Long forkedBy);

    Optional<MachineFork> findByForkMachineId(Long forkMachineId);
}
