package com.ntprocesslab;

import com.ntprocesslab.ui.cli.ScenarioCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        // Command-line tools run the kernel headless: no web server, no Spring context.
        switch (args.length == 0 ? "" : args[0]) {
            case "scenario" -> System.exit(ScenarioCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            default -> SpringApplication.run(Application.class, args);
        }
    }
}
