package nl.wijktoets.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import nl.wijktoets.cli.Main;
import nl.wijktoets.util.OutputFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file the tool writes goes through {@link OutputFiles}, so the rules for writing (temporary
 * file, commit, clean-up, what may be overwritten) live in one place: no other class creates,
 * moves, deletes or writes files.
 */
class OutputFilesRuleTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.wijktoets");
  }

  private static final DescribedPredicate<JavaCall<?>> CHANGES_FILES =
      target(owner(JavaClass.Predicates.type(Files.class)))
          .and(
              target(
                  nameMatching(
                      "write|writeString|newOutputStream|newBufferedWriter|newByteChannel"
                          + "|createFile|createTemp.*|createDirector.*|createLink|createSymbolicLink"
                          + "|move|copy|delete.*|set.*")))
          .as("change files through java.nio.file.Files");

  private static final DescribedPredicate<JavaCall<?>> OPENS_A_FILE_WRITER =
      target(owner(JavaClass.Predicates.type(FileOutputStream.class)))
          .or(target(owner(JavaClass.Predicates.type(FileWriter.class))))
          .or(target(owner(JavaClass.Predicates.type(RandomAccessFile.class))))
          .as("open a FileOutputStream, FileWriter or RandomAccessFile");

  private static ArchRule onlyOutputFilesChangesFiles() {
    return ArchRuleDefinition.noClasses()
        .that()
        .doNotBelongToAnyOf(OutputFiles.class)
        .should()
        .callMethodWhere(CHANGES_FILES);
  }

  @Test
  void onlyOutputFilesCreatesMovesOrWritesFiles() {
    onlyOutputFilesChangesFiles().check(classes);
  }

  @Test
  void nothingOpensAFileForWritingButStandardOutputAndError() {
    // Main wraps the standard output and error file descriptors; nothing else opens a file
    ArchRuleDefinition.noClasses()
        .that()
        .doNotBelongToAnyOf(OutputFiles.class, Main.class)
        .should()
        .callConstructorWhere(OPENS_A_FILE_WRITER)
        .check(classes);
  }

  @Test
  void theRuleCanFail() {
    // OutputFiles itself breaks the rule it is exempt from: the check is not vacuous
    ArchRule everyone = ArchRuleDefinition.noClasses().should().callMethodWhere(CHANGES_FILES);
    assertThat(everyone.evaluate(classes).hasViolation()).isTrue();
  }
}
