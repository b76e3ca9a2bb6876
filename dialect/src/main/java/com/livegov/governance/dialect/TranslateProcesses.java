package com.livegov.governance.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step: translates every {@code *.bpmn} file of a folder (the Camunda dialect, as the Modeler saves it) into
 * the Kogito dialect in an output folder. Any problem fails the step, naming the file, the element and the attribute.
 *
 * <p>Arguments: {@code <bpmn folder> <output folder> <forms folder> <rules folder>}.
 */
public final class TranslateProcesses {

    private TranslateProcesses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: TranslateProcesses <bpmn folder> <output folder> <forms folder> <rules folder>");
        }
        List<Problem> problems = translate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(problems.size() + " problem(s) in the processes; nothing was translated:");
            problems.forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem));
            throw new IllegalStateException(message.toString());
        }
    }

    /** Translates the folder; writes the output only when no file has a problem, and returns the problems. */
    public static List<Problem> translate(Path bpmnFolder, Path outputFolder, Path formsFolder, Path rulesFolder) throws IOException {
        ModelCatalog catalog = ModelCatalog.read(formsFolder, rulesFolder, bpmnFolder);
        List<Path> files;
        try (Stream<Path> paths = Files.list(bpmnFolder)) {
            files = paths.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
        }
        List<Problem> problems = new ArrayList<>();
        List<Translation> translations = new ArrayList<>();
        for (Path file : files) {
            Translation translation = CamundaDialect.translate(file.getFileName().toString(), Files.readString(file), catalog);
            problems.addAll(translation.problems());
            translations.add(translation);
        }
        if (problems.isEmpty()) {
            Files.createDirectories(outputFolder);
            for (int i = 0; i < files.size(); i++) {
                Files.writeString(outputFolder.resolve(files.get(i).getFileName()), translations.get(i).kogitoXml());
            }
        }
        return problems;
    }
}
