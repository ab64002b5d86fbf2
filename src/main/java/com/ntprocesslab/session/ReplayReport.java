package com.ntprocesslab.session;

import com.ntprocesslab.store.machine.ReplayDivergence;
import com.ntprocesslab.store.machine.ReplayDivergenceRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The replay report: logged commands that answered differently on replay, or that today's budget would refuse. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReplayReport {

    private final ReplayDivergenceRepository divergences;

    List<ReplayDivergence> all() {
        return divergences.findAllByOrderByMachineIdAscSeqAsc();
    }
}
