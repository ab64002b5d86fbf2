package com.ntprocesslab.store.machine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommandLogRepository extends JpaRepository<CommandLogEntry, Long> {

    List<CommandLogEntry> findByMachineIdOrderBySeq(Long machineId);

    long countByMachineId(Long machineId);

    Optional<CommandLogEntry> findFirstByMachineIdOrderBySeqDesc(Long machineId);

    List<CommandLogEntry> findByMachineIdAndSeqGreaterThanOrderBySeq(Long machineId, long seq);

    /** The newest accepted commands of these machines (an instructor's recent activity). */
    List<CommandLogEntry> findTop12ByMachineIdInOrderByAcceptedAtDesc(Collection<Long> machineIds);
}
