package com.ntprocesslab.store.machine;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MachineRepository extends JpaRepository<MachineRecord, Long> {

    Optional<MachineRecord> findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(Long ownerId, String purpose);
}
