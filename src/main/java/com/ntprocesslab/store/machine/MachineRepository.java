package com.ntprocesslab.store.machine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MachineRepository extends JpaRepository<MachineRecord, Long> {

    Optional<MachineRecord> findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(Long ownerId, String purpose);

    List<MachineRecord> findByOwnerIdAndPurposeOrderById(Long ownerId, String purpose);

    List<MachineRecord> findByPurposeAndActiveTrueOrderById(String purpose);

    List<MachineRecord> findByOwnerIdIn(Collection<Long> ownerIds);
}
