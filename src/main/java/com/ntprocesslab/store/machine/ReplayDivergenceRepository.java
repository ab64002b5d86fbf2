package com.ntprocesslab.store.machine;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReplayDivergenceRepository extends JpaRepository<ReplayDivergence, Long> {

    boolean existsByMachineIdAndSeqAndReplayVersion(Long machineId, long seq, String replayVersion);

    List<ReplayDivergence> findAllByOrderByMachineIdAscSeqAsc();

    List<ReplayDivergence> findByMachineIdOrderBySeq(Long machineId);
}
