package com.ntprocesslab.store.machine;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MachineSnapshotRepository extends JpaRepository<MachineSnapshot, Long> {

    Optional<MachineSnapshot> findFirstByMachineIdAndKernelVersionOrderBySeqDesc(Long machineId, String kernelVersion);
}
