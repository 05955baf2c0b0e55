package dev.userops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The POMs a release publishes, read as the files a consumer's Maven receives: Maven deploys each
 * module's {@code pom.xml} unchanged, and the consumer completes it from the deployed {@code
 * userops-parent} POM by inheritance. So the parent must carry url, licence, developers and scm
 * (inherited verbatim, without the module's artifactId appended), each module its own description,
 * and {@code userops-bom}, which has no parent, the same metadata written out. The parent's enforcer
 * rules check the resulting effective values in every module of the build.
 */
class PublishedPomTest {
  private static final Path ROOT = Path.of("..");
  private static final String REPOSITORY = "https://github.com/userops/userops";
  /** Metadata a module inherits from the parent, and the BOM repeats. */
  private static final List<String> METADATA =
      List.of("url", "inceptionYear", "organization", "licenses", "developers", "scm");

  @Test
  void parentCarriesTheLicenceTheRepositoryAndItsDevelopers() throws IOException {
    Element parent = pom(ROOT);

    assertThat(leaves(parent, "licenses"))
        .containsExactly(
            "licenses/license/name=Apache-2.0",
            "licenses/license/url=https://www.apache.org/licenses/LICENSE-2.0.txt",
            "licenses/license/distribution=repo");
    assertThat(text(parent, "url")).hasValue(REPOSITORY);
    assertThat(leaves(parent, "scm"))
        .containsExactly(
            "scm/url=" + REPOSITORY,
            "scm/connection=scm:git:" + REPOSITORY + ".git",
            "scm/developerConnection=scm:git:ssh://git@github.com/userops/userops.git",
            "scm/tag=HEAD");
    assertThat(leaves(parent, "developers")).contains("developers/developer/name=The UserOps developers");
    assertThat(text(parent, "inceptionYear")).isPresent();
    assertThat(Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8))
        .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
  }

  @Test
  void modulesInheritUrlAndScmWithoutTheirArtifactIdAppended() throws IOException {
    Element parent = pom(ROOT);
    Element scm = child(parent, "scm").orElseThrow();

    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    for (String field : List.of("url", "connection", "developerConnection")) {
      assertThat(scm.getAttribute("child.scm." + field + ".inherit.append.path"))
          .as("scm %s", field)
          .isEqualTo("false");
    }
  }

  @Test
  void everyModuleDescribesItselfAndCarriesTheParentsMetadata() throws IOException {
    Element parent = pom(ROOT);
    String parentDescription = text(parent, "description").orElseThrow();

    for (String module : modules(parent)) {
      Element pom = pom(ROOT.resolve(module));
      assertThat(text(pom, "description"))
          .as("%s: its own description", module)
          .hasValueSatisfying(d -> assertThat(d).isNotBlank().isNotEqualTo(parentDescription));
      Optional<Element> parentRef = child(pom, "parent");
      if (parentRef.isPresent()) {
        assertThat(coordinates(parentRef.get())).as(module).isEqualTo(coordinates(parent));
        for (String field : METADATA) {
          assertThat(child(pom, field)).as("%s overrides the inherited %s", module, field).isEmpty();
        }
      } else {
        assertThat(text(pom, "groupId")).as(module).isEqualTo(text(parent, "groupId"));
        assertThat(text(pom, "version")).as(module).isEqualTo(text(parent, "version"));
        for (String field : METADATA) {
          assertThat(leaves(pom, field)).as("%s: %s as the parent's", module, field)
              .isNotEmpty()
              .isEqualTo(leaves(parent, field));
        }
      }
    }
  }

  @Test
  void bomManagesEveryLibraryModuleAndNothingElse() throws IOException {
    Element parent = pom(ROOT);
    Element bom = pom(ROOT.resolve("bom"));
    Set<String> libraries = new TreeSet<>();
    for (String module : modules(parent)) {
      // A library is a module with the parent that publishes its javadoc: the applications (examples,
      // benchmarks) skip it, and the BOM and the Spark report job have no parent. userops-spark is
      // one without a module descriptor (Spark runs applications on the class path).
      Element pom = pom(ROOT.resolve(module));
      boolean skipsJavadoc = child(pom, "properties").flatMap(p -> text(p, "maven.javadoc.skip")).orElse("").equals("true");
      if (child(pom, "parent").isPresent() && !skipsJavadoc) {
        libraries.add("dev.userops:" + text(pom, "artifactId").orElseThrow() + ":jar");
      }
    }

    assertThat(child(bom, "parent")).as("a BOM must not pass on the parent's third-party versions").isEmpty();
    assertThat(text(bom, "artifactId")).hasValue("userops-bom");
    assertThat(text(bom, "packaging")).hasValue("pom");
    assertThat(libraries).contains("dev.userops:userops-core:jar", "dev.userops:userops-sample:jar");
    Element managed = child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();
    List<Element> dependencies = children(managed, "dependency");
    assertThat(dependencies)
        .allSatisfy(d -> assertThat(text(d, "version")).hasValue("${project.version}"))
        .allSatisfy(d -> assertThat(text(d, "scope")).isEmpty());
    Set<String> listed = dependencies.stream()
        .map(d -> text(d, "groupId").orElseThrow() + ":" + text(d, "artifactId").orElseThrow()
            + ":" + text(d, "type").orElse("jar"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).isEqualTo(libraries);
  }

  @Test
  void readmeImportsTheBomOfThisVersion() throws IOException {
    String version = text(pom(ROOT), "version").orElseThrow();

    assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
        .contains("""
            <artifactId>userops-bom</artifactId>
                  <version>%s</version>
                  <type>pom</type>
                  <scope>import</scope>
            """.formatted(version));
  }

  private static List<String> modules(Element parent) {
    return children(child(parent, "modules").orElseThrow(), "module").stream()
        .map(Node::getTextContent)
        .toList();
  }

  private static String coordinates(Element element) {
    return text(element, "groupId").orElseThrow() + ":" + text(element, "artifactId").orElseThrow()
        + ":" + text(element, "version").orElseThrow();
  }

  /**
   * The leaf elements of {@code element}'s child {@code name} as {@code path=text}, in document
   * order, e.g. {@code scm/tag=HEAD}; empty if there is no such child. Attributes are left out.
   */
  private static List<String> leaves(Element element, String name) {
    List<String> out = new ArrayList<>();
    child(element, name).ifPresent(e -> collectLeaves(e, name, out));
    return out;
  }

  private static void collectLeaves(Element element, String path, List<String> out) {
    List<Element> children = children(element, null);
    if (children.isEmpty()) {
      out.add(path + "=" + element.getTextContent().strip());
    }
    for (Element c : children) {
      collectLeaves(c, path + "/" + c.getTagName(), out);
    }
  }

  private static Optional<String> text(Element element, String name) {
    return child(element, name).map(e -> e.getTextContent().strip());
  }

  private static Optional<Element> child(Element element, String name) {
    List<Element> found = children(element, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Direct child elements, all of them if {@code name} is null. */
  private static List<Element> children(Element element, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element pom(Path moduleDirectory) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(moduleDirectory.resolve("pom.xml").toFile()).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + moduleDirectory.resolve("pom.xml"), e);
    }
  }
}
